// `npm run package:plugin`: the resource plugin as Pulumi installs it from a file,
// `pulumi-resource-aicloud-v<version>-linux-amd64.tar.gz`, for
// `pulumi plugin install resource aicloud <version> --file <tarball>`.
//
// Layout: `pulumi-resource-aicloud` (the executable the engine starts, a launcher of Node.js),
// `PulumiPlugin.yaml` (runtime nodejs: `pulumi plugin install` runs the Node.js language host's
// dependency step, which finds nothing to install), and lib/ with the bundled provider, the schema and
// the few packages the bundle leaves external (the engine's gRPC stubs and SQLite's native module).
// The version is the schema's, the one the provider reports in GetPluginInfo.
//
// Usage: tsx scripts/pulumi/plugin-tarball.ts [--out DIR]   (default: dist/); prints the tarball's path.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE } from '../../core/index.ts';
import { bundleNode } from '../bundle-node.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** What the bundle leaves external, as scripts/pulumi/bundle-provider.ts does. */
const EXTERNAL = ['@pulumi/pulumi', '@pulumi/pulumi/*', 'google-protobuf', '@grpc/grpc-js', 'better-sqlite3'];

/**
 * Packages copied only in part, with the dependencies that part needs: of @pulumi/pulumi the provider
 * loads only the generated stubs, and better-sqlite3 needs its compiled module but not its build tools.
 */
const PARTIAL: Record<string, { paths: string[]; dependencies: string[] }> = {
  '@pulumi/pulumi': { paths: ['package.json', 'proto'], dependencies: ['google-protobuf', '@grpc/grpc-js'] },
  'better-sqlite3': { paths: ['package.json', 'lib', 'build/Release/better_sqlite3.node'], dependencies: ['bindings'] },
};

const PLUGIN_YAML = `# The aicloud resource provider, written in Node.js. The engine starts the executable
# pulumi-resource-aicloud beside this file; its dependencies ship in lib/, so the Node.js language
# host's dependency step at \`pulumi plugin install\` has nothing to fetch.
runtime: nodejs
`;

const LAUNCHER = `#!/bin/sh
# The aicloud resource provider plugin: needs Node.js 20 or later on PATH.
exec node "$(dirname "$0")/lib/bin/pulumi-resource-aicloud.mjs" "$@"
`;

/** The tarball's file name, which \`pulumi plugin install\` and users expect. */
export function tarballName(version: string = PACKAGE.version): string {
  return `pulumi-resource-aicloud-v${version}-linux-amd64.tar.gz`;
}

/** The package folder `name` resolves to from `fromDir`, as Node's resolution would find it. */
function findPackage(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dir === dirname(dir)) throw new Error(`package ${name} (needed from ${relative(ROOT, fromDir) || '.'}) is not installed: run npm ci`);
  }
}

/** Copies `names` and what they depend on into `lib`, keeping node_modules' nesting. */
function copyPackages(names: string[], lib: string): void {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    const dir = findPackage(name, fromDir);
    if (seen.has(dir)) return;
    seen.add(dir);
    const target = join(lib, relative(ROOT, dir));
    const partial = PARTIAL[name];
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    if (partial) {
      for (const path of partial.paths) cpSync(join(dir, path), join(target, path), { recursive: true });
    } else {
      cpSync(dir, target, { recursive: true, filter: (src) => !relative(dir, src).split('/').includes('node_modules') });
    }
    // Type declarations are for compilers; nothing loads them at run time.
    for (const dep of partial?.dependencies ?? Object.keys(manifest.dependencies ?? {})) if (!dep.startsWith('@types/')) visit(dep, dir);
  };
  for (const name of names) visit(name, ROOT);
}

/** Builds the tarball into `outDir` and returns its path. */
export async function buildPluginTarball(outDir: string = join(ROOT, 'dist')): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the tarball is for linux-amd64 and carries a native module built here; this is ${process.platform}-${process.arch}`);
  }
  const stage = mkdtempSync(join(tmpdir(), 'aicloud-plugin-'));
  try {
    const lib = join(stage, 'lib');
    await bundleNode({ name: 'pulumi-resource-aicloud', entry: join(ROOT, 'provider/src/pulumi/main.ts'), outdir: join(lib, 'dist'), external: EXTERNAL });
    mkdirSync(join(lib, 'bin'), { recursive: true });
    for (const file of ['pulumi-resource-aicloud.mjs', 'load-bundle.mjs']) cpSync(join(ROOT, 'bin', file), join(lib, 'bin', file));
    cpSync(join(ROOT, 'schema/schema.json'), join(lib, 'schema/schema.json'));
    copyPackages(['@pulumi/pulumi', 'google-protobuf', '@grpc/grpc-js', 'better-sqlite3'], lib);
    writeFileSync(join(stage, 'PulumiPlugin.yaml'), PLUGIN_YAML);
    // The language host's dependency step runs npm here: nothing to install, and no network asked.
    writeFileSync(
      join(stage, 'package.json'),
      `${JSON.stringify({ name: 'pulumi-resource-aicloud', version: PACKAGE.version, private: true, license: 'Apache-2.0', engines: { node: '>=20' } }, null, 2)}\n`,
    );
    writeFileSync(join(stage, '.npmrc'), 'audit=false\nfund=false\nupdate-notifier=false\n');
    mkdirSync(join(stage, 'node_modules'));
    writeFileSync(join(stage, 'pulumi-resource-aicloud'), LAUNCHER);
    chmodSync(join(stage, 'pulumi-resource-aicloud'), 0o755);

    mkdirSync(outDir, { recursive: true });
    const tarball = join(resolve(outDir), tarballName());
    const entries = ['PulumiPlugin.yaml', 'package.json', '.npmrc', 'node_modules', 'pulumi-resource-aicloud', 'lib'];
    const tar = spawnSync('tar', ['-czf', tarball, '--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '-C', stage, ...entries], {
      encoding: 'utf8',
    });
    if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr || tar.error?.message}`);
    return tarball;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const tarball = await buildPluginTarball(i >= 0 ? process.argv[i + 1] : undefined);
  process.stderr.write(`Install it with: pulumi plugin install resource aicloud ${PACKAGE.version} --file ${tarball}\n`);
  process.stdout.write(`${tarball}\n`);
}
