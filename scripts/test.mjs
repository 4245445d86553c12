#!/usr/bin/env node
// Runs every *.test.ts file under the source folders with Node's built-in test runner (through tsx),
// because Node 20's `--test` does not expand globs itself. Every test has a time limit, so a hang
// fails the run instead of stalling it, and the skipped tests and suites are listed by name, with
// their reasons, just before the runner's closing summary.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const roots = ['schema', 'core', 'provider', 'controlplane', 'console', 'test', 'bench', 'scripts'];
const skip = new Set(['node_modules', '.gen', 'cdktf.out', '.terraform', 'results']);
const only = process.argv.slice(2);
// Generous for the slowest end-to-end tests, but finite. Node 20 applies it to each test and also
// to each file as a whole (the runner runs a file as one test), so it must exceed the slowest file.
// AICLOUD_TEST_TIMEOUT_MS sets another limit.
const TEST_TIMEOUT_MS = Number(process.env.AICLOUD_TEST_TIMEOUT_MS) || 10 * 60_000;
const SKIPPED_REPORTER = fileURLToPath(new URL('./test-skipped-reporter.mjs', import.meta.url));
// The first line of the runner's closing summary (tap: `# tests 12`, spec: `ℹ tests 12`).
const SUMMARY_START = /^(# |ℹ )tests \d+$/;

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
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

// The engines the end-to-end tests drive (pulumi, its Node.js and YAML language hosts, tofu), built once from
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

/**
 * Runs `cmd args` (a node --test command line, which gets the reporters and the time limit added
 * after `--test`) and passes its output through, holding back the closing summary until the
 * skipped tests are listed, so the summary stays the last thing the run prints. Resolves to the
 * exit code.
 */
async function runTests(cmd, args) {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-test-'));
  const skippedFile = join(dir, 'skipped.jsonl');
  const at = args.indexOf('--test') + 1;
  const options = [
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    `--test-reporter=${process.stdout.isTTY ? 'spec' : 'tap'}`,
    '--test-reporter-destination=stdout',
    `--test-reporter=${SKIPPED_REPORTER}`,
    `--test-reporter-destination=${skippedFile}`,
  ];
  const child = spawn(cmd, [...args.slice(0, at), ...options, ...args.slice(at)], { stdio: ['inherit', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const held = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (held.length || SUMMARY_START.test(line.replace(/\x1b\[[0-9;]*m/g, ''))) held.push(line);
    else process.stdout.write(`${line}\n`);
  }
  const status = await exited;
  const lines = existsSync(skippedFile) ? readFileSync(skippedFile, 'utf8').split('\n') : [];
  const skipped = lines.filter(Boolean).map((l) => JSON.parse(l));
  rmSync(dir, { recursive: true, force: true });
  if (skipped.length) {
    process.stdout.write(`\n== skipped (${skipped.length}):\n`);
    for (const s of skipped) {
      process.stdout.write(`- ${s.file ?? '?'}: ${s.suite ? 'suite ' : ''}"${s.name}"${s.reason ? ` (${s.reason})` : ''}\n`);
    }
    process.stdout.write('\n');
  }
  for (const line of held) process.stdout.write(`${line}\n`);
  return status;
}

const status = await runTests(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);

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
    const inner = [process.execPath, '--import', 'tsx', '--test', '--test-concurrency=2', ...pgFiles];
    pgStatus = await runTests(process.execPath, ['--import', 'tsx', 'test/support/run-with-postgres.ts', ...inner]);
  }
}
process.exit(status || pgStatus);
