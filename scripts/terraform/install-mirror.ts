// Lays out a Terraform filesystem mirror for the provider and prints the CLI configuration that uses it.
// `dev_overrides` alone is not enough: an offline `terraform init` still asks the registry, so the
// mirror is what makes `init` work. The mirrored file is a thin launcher, so rebuilding the provider
// does not change its hash in users' lock files. `source = "aicloud/aicloud"` means
// registry.terraform.io/aicloud/aicloud to Terraform and registry.opentofu.org/aicloud/aicloud to
// OpenTofu, so the mirror holds the provider under both hosts and one CLI configuration serves both.
//
// Usage: tsx scripts/terraform/install-mirror.ts [--dir DIR] [--host registry.terraform.io]
import { chmodSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE } from '../../core/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface MirrorOptions {
  /** Folder that becomes the mirror root. */
  dir: string;
  /** One registry host only; by default both Terraform's and OpenTofu's. */
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

/** The registry hosts the bare source address `aicloud/aicloud` stands for: Terraform's, then OpenTofu's. */
export const REGISTRY_HOSTS = ['registry.terraform.io', 'registry.opentofu.org'];

export function installMirror(options: MirrorOptions): Mirror {
  const hosts = options.host ? [options.host] : REGISTRY_HOSTS;
  const version = options.version ?? PACKAGE.version;
  const dir = resolve(options.dir);
  const env = Object.entries(options.env ?? {})
    .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
    .join('');
  const executables = hosts.map((host) => {
    const folder = join(dir, host, 'aicloud', 'aicloud', version, 'linux_amd64');
    mkdirSync(folder, { recursive: true });
    const executable = join(folder, `terraform-provider-aicloud_v${version}`);
    writeFileSync(executable, `#!/bin/sh\n${env}exec ${shellQuote(process.execPath)} ${shellQuote(join(ROOT, 'bin/terraform-provider-aicloud.mjs'))} "$@"\n`);
    chmodSync(executable, 0o755);
    return executable;
  });
  const patterns = hosts.map((host) => `"${host}/aicloud/*"`).join(', ');
  const cliConfig = [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(dir)}`,
    `    include = [${patterns}]`,
    '  }',
    '  direct {',
    `    exclude = [${patterns}]`,
    '  }',
    '}',
    '',
  ].join('\n');
  return { dir, executable: executables[0]!, cliConfig };
}

// Node loads a script by its real path, so a path through a symbolic link is compared by its target.
if (process.argv[1] && realpathSync(resolve(process.argv[1])) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const mirror = installMirror({ dir: arg('--dir') ?? join(ROOT, 'dist', 'terraform-mirror'), host: arg('--host') });
  process.stderr.write(`Installed ${mirror.executable}\nPut this in ~/.terraformrc (or a file named by TF_CLI_CONFIG_FILE; OpenTofu reads the same file):\n\n`);
  process.stdout.write(mirror.cliConfig);
}
