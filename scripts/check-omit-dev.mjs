#!/usr/bin/env node
// Checks the project as a package is installed: in a temporary folder with package.json, the lock
// file, bin/ and the bundles already built in dist/, `npm ci --omit=dev` installs only the runtime
// dependencies, and then the CLI (`--help`, `plan examples/gitops` on the embedded cloud) and both
// provider plugins (the Pulumi plugin's port line, the Terraform plugin's go-plugin handshake) run.
//
// Install scripts are skipped there and better-sqlite3's native module is copied from this checkout's
// node_modules (same version, from the same lock file): compiling it again would add minutes and
// checks nothing new, since the full `npm ci` builds it the same way. `prepare` is then run on its own
// to check that it keeps the bundles when esbuild is absent.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLES = ['aicloud', 'pulumi-resource-aicloud', 'terraform-provider-aicloud'];
// typescript is not among them: @pulumi/pulumi depends on it at run time.
const DEV_ONLY = ['esbuild', 'tsx', 'fast-check', 'playwright-core', 'dependency-cruiser', 'prettier'];
const TF_COOKIE = { TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2', PLUGIN_PROTOCOL_VERSIONS: '6' };
const STEP_TIMEOUT_MS = 120_000;

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}${ok || !detail ? '' : `\n${detail}`}`);
  if (!ok) failures++;
  return ok;
}

for (const b of BUNDLES) {
  if (!existsSync(join(root, 'dist', `${b}.mjs`))) {
    console.error(`dist/${b}.mjs is missing: build the bundles first (npm run prepare)`);
    process.exit(1);
  }
}

// Nothing of the developer's environment may point the CLI at a control plane or a data folder.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AICLOUD_') && !k.startsWith('TF_') && !k.startsWith('PULUMI_')));
env.npm_config_audit = 'false';
env.npm_config_fund = 'false';

const dir = mkdtempSync(join(tmpdir(), 'aicloud-omit-dev-'));
try {
  for (const p of ['package.json', 'package-lock.json', 'bin', 'dist', 'scripts/prepare.mjs', 'examples/gitops']) {
    cpSync(join(root, p), join(dir, p), { recursive: true });
  }
  const run = (cmd, args, extra = {}) => spawnSync(cmd, args, { cwd: dir, env: { ...env, ...extra }, encoding: 'utf8', timeout: 10 * 60_000 });

  const ci = run('npm', ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts']);
  if (!check(ci.status === 0, 'npm ci --omit=dev', ci.stderr)) process.exit(1);
  const devInstalled = DEV_ONLY.filter((p) => existsSync(join(dir, 'node_modules', p)));
  check(devInstalled.length === 0, 'no devDependency is installed', `installed: ${devInstalled.join(', ')}`);

  const sqlite = 'node_modules/better-sqlite3';
  const version = (base) => JSON.parse(readFileSync(join(base, sqlite, 'package.json'), 'utf8')).version;
  if (!check(version(root) === version(dir), 'better-sqlite3 is the version this checkout built')) process.exit(1);
  cpSync(join(root, sqlite, 'build/Release/better_sqlite3.node'), join(dir, sqlite, 'build/Release/better_sqlite3.node'));

  const prepare = run('npm', ['run', '--silent', 'prepare']);
  check(prepare.status === 0 && /bundles in dist\/ are kept/.test(prepare.stderr), 'prepare keeps the bundles without esbuild', prepare.stderr);

  const help = run(process.execPath, ['bin/aicloud.mjs', '--help']);
  check(help.status === 0 && /\bplan\b/.test(help.stdout), 'aicloud --help', help.stdout + help.stderr);

  const plan = run(process.execPath, ['bin/aicloud.mjs', 'plan', 'examples/gitops']);
  check(plan.status === 0 && /will be created/.test(plan.stdout), 'aicloud plan examples/gitops on the embedded cloud', plan.stdout + plan.stderr);

  const port = await firstLine(['bin/pulumi-resource-aicloud.mjs', '127.0.0.1:1'], {});
  check(/^\d+$/.test(port.line), 'the Pulumi plugin prints its port', JSON.stringify(port));

  const handshake = await firstLine(['bin/terraform-provider-aicloud.mjs'], TF_COOKIE);
  check(/^1\|6\|(tcp|unix)\|[^|]+\|grpc\|/.test(handshake.line), 'the Terraform plugin prints its handshake', JSON.stringify(handshake));

  rmSync(join(dir, 'dist/aicloud.mjs'));
  const missing = run(process.execPath, ['bin/aicloud.mjs', '--help']);
  check(missing.status === 1 && /npm run prepare/.test(missing.stderr), 'a missing bundle fails with a message', missing.stderr);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failures ? `${failures} check(s) failed` : 'the runtime dependencies run the CLI and both plugins');
process.exit(failures ? 1 : 0);

/** Starts a plugin, returns its first stdout line (or why there was none), and stops it. */
function firstLine(args, extra) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: dir, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGTERM');
      resolvePromise({ ...result, stderr });
    };
    const timer = setTimeout(() => done({ line: '', why: 'no line before the time limit' }), STEP_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    createInterface({ input: child.stdout }).once('line', (line) => done({ line }));
    child.once('exit', (code) => done({ line: '', why: `exited with ${code}` }));
  });
}
