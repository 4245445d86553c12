import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { watchLines, type LineWatcher } from './line-watcher.ts';

/** The `aicloud` entry point of this checkout, so tests run the code under test, not an installed copy. */
export const CLI_BIN = fileURLToPath(new URL('../../bin/aicloud.mjs', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  stdout: LineWatcher;
  stderr: LineWatcher;
  /** Exit code and signal once the process is gone. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Starts `aicloud <args>` without waiting, so a test can watch progress lines and kill it at a
 * chosen point. AICLOUD_* variables of the test process are dropped unless given in `env`.
 */
export function spawnCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AICLOUD_')));
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd: opts.cwd,
    env: { ...base, NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = watchLines(child.stdout!);
  const stderr = watchLines(child.stderr!);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: stdout.text(), stderr: stderr.text() })),
  );
  return { child, stdout, stderr, done };
}

/** Runs `aicloud <args>` to the end. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return spawnCli(args, opts).done;
}
