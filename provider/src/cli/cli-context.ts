import type { Writable } from 'node:stream';

/**
 * What a command may touch besides its options: streams, the terminal, the
 * environment, time. Commands take it as an argument so tests can run them
 * in-process with captured output and a fake clock.
 */
export interface CliContext {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  /** Whether a person can answer a prompt. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Reads one line from the user (only called when interactive). */
  prompt(question: string): Promise<string>;
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/** Options every command that talks to the cloud accepts. */
export interface CloudOptions {
  endpoint?: string;
  project?: string;
  region?: string;
  dataDir?: string;
}
