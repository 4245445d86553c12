import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../../provider/src/cli/cli-context.ts';
import { main } from '../../provider/src/cli/main.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const exampleDir = join(repoRoot, 'examples', 'gitops');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A scratch folder with a copy of the example stack (named `gitops`) and an embedded cloud beside it. */
export async function scratch(): Promise<{ root: string; stackDir: string; dataDir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'aicloud-gitops-'));
  const stackDir = join(root, 'gitops');
  await cp(exampleDir, stackDir, { recursive: true, filter: (src) => !src.includes('.github') });
  return { root, stackDir, dataDir: join(root, '.aicloud'), cleanup: () => rm(root, { recursive: true, force: true }) };
}

function sink(): { stream: Writable & { isTTY?: boolean }; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs the CLI in this process with captured output: fast, and the same code path as the bin. */
export async function runInProcess(
  args: string[],
  options: { interactive?: boolean; answer?: string; signal?: AbortSignal; sleep?: CliContext['sleep']; now?: () => number } = {},
): Promise<CliResult> {
  const out = sink();
  const err = sink();
  const ctx: CliContext = {
    stdout: out.stream,
    stderr: err.stream,
    interactive: options.interactive ?? false,
    env: {},
    cwd: repoRoot,
    prompt: async () => options.answer ?? '',
    now: options.now ?? Date.now,
    sleep: options.sleep ?? (async () => {}),
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await main(args, ctx);
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Runs the real bin in a child process, where exit codes and stack traces are what users see. */
export function runBin(args: string[], env: Record<string, string>, cwd = repoRoot): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'aicloud.mjs'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
