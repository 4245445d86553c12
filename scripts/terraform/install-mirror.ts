// Lays out a Terraform filesystem mirror for the provider and prints the CLI configuration that uses it.
// `dev_overrides` alone is not enough: an offline `terraform init` still asks the registry, so the
// mirror is what makes `init` work. The mirrored file is a thin launcher, so rebuilding the provider
// does not change its hash in users' lock files.
//
// Usage: tsx scripts/terraform/install-mirror.ts [--dir DIR] [--host registry.terraform.io]
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE } from '../../core/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface MirrorOptions {
  /** Folder that becomes the mirror root. */
  dir: string;
  host?: string;
  version?: string;
  /** Extra environment for the provider, written into the launcher (tests point it at a bundle). */
  env?: Record<string, string>;
}

export interface Mirror {
  dir: string;
  executable: string;
  /** A complete CLI configuration file (for TF_CLI_CONFIG_FILE or ~/.terraformrc). */
  cliConfig: string;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function installMirror(options: MirrorOptions): Mirror {
  const host = options.host ?? 'registry.terraform.io';
  const version = options.version ?? PACKAGE.version;
  const dir = resolve(options.dir);
  const folder = join(dir, host, 'aicloud', 'aicloud', version, 'linux_amd64');
  mkdirSync(folder, { recursive: true });
  const executable = join(folder, `terraform-provider-aicloud_v${version}`);
  const env = Object.entries(options.env ?? {}).map(([k, v]) => `export ${k}=${shellQuote(v)}\n`).join('');
  writeFileSync(executable, `#!/bin/sh\n${env}exec ${shellQuote(process.execPath)} ${shellQuote(join(ROOT, 'bin/terraform-provider-aicloud.mjs'))} "$@"\n`);
  chmodSync(executable, 0o755);
  const cliConfig = [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(dir)}`,
    `    include = ["${host}/aicloud/*"]`,
    '  }',
    '  direct {',
    `    exclude = ["${host}/aicloud/*"]`,
    '  }',
    '}',
    '',
  ].join('\n');
  return { dir, executable, cliConfig };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const mirror = installMirror({ dir: arg('--dir') ?? join(ROOT, 'dist', 'terraform-mirror'), host: arg('--host') });
  process.stderr.write(`Installed ${mirror.executable}\nPut this in ~/.terraformrc (or a file named by TF_CLI_CONFIG_FILE):\n\n`);
  process.stdout.write(mirror.cliConfig);
}
