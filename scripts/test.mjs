#!/usr/bin/env node
// Runs every *.test.ts file under the source folders with Node's built-in test runner (through tsx),
// because Node 20's `--test` does not expand globs itself.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['schema', 'provider', 'controlplane', 'console', 'test', 'bench', 'scripts'];
const skip = new Set(['node_modules', '.gen', 'cdktf.out', '.terraform', 'results']);
const only = process.argv.slice(2);

function walk(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

// The bins run bundles when they exist; rebuild them so tests never run a bundle older than the sources.
const prepare = spawnSync('npm', ['run', '--silent', 'prepare'], { stdio: 'inherit' });
if (prepare.status !== 0) process.exit(prepare.status ?? 1);

// The engines the end-to-end tests drive (pulumi, its Node.js language host, tofu), built once from
// the Go module proxy and reused: the tests find them through AICLOUD_TOOLS_BIN and PATH.
const tools = spawnSync(process.execPath, ['scripts/tools/build-tools.mjs'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (tools.status !== 0) {
  console.error('!! npm run tools failed: the engines the tests need are missing');
  process.exit(tools.status ?? 1);
}
const toolsBin = dirname(tools.stdout.trim().split('\n')[0]);
process.env.AICLOUD_TOOLS_BIN = toolsBin;
process.env.PATH = `${toolsBin}:${process.env.PATH ?? ''}`;

let files = roots.flatMap((r) => walk(r, [])).sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });

// The control-plane integration tests again, every control plane that a test does not pin to a
// SQLite file on a fresh PostgreSQL database (test/support/test-store.ts).
const POSTGRES_SUITES = ['test/controlplane/', 'test/hardening/'];
const pgFiles = files.filter((f) => POSTGRES_SUITES.some((s) => f.includes(s)));
let pgStatus = 0;
if (pgFiles.length && process.env.AICLOUD_TEST_SKIP_POSTGRES !== '1') {
  if (!existsSync('/usr/lib/postgresql')) {
    console.error('!! PostgreSQL is not installed (apt-get install -y postgresql): the run against PostgreSQL is skipped');
  } else {
    console.log(`== the control-plane integration tests against PostgreSQL (${pgFiles.length} files)`);
    const pg = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/run-with-postgres.ts', process.execPath, '--import', 'tsx', '--test', '--test-concurrency=2', ...pgFiles],
      { stdio: 'inherit' },
    );
    pgStatus = pg.status ?? 1;
  }
}
process.exit((result.status ?? 1) || pgStatus);
