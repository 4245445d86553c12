import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, type ServerOptions } from '../../controlplane/src/server.ts';
import { watchLines, type LineWatcher } from './line-watcher.ts';
import { testDatabaseUrl } from './test-store.ts';

type AfterHook = { after(fn: () => void | Promise<void>): void };

/** A control plane a test talks to over HTTP. */
export interface TestControlPlane {
  url: string;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * Starts the control plane in this process on port 0 at time scale 0 (operations finish at the next
 * read), in memory unless `dataDir` is set. Closed when the test ends if `t` is given.
 */
export async function startControlPlane(t: AfterHook | undefined, options: ServerOptions = {}): Promise<TestControlPlane> {
  const databaseUrl = options.dataDir || options.databaseUrl ? options.databaseUrl : await testDatabaseUrl();
  const server = await startServer({ port: 0, timeScale: 0, logLevel: 'silent', databaseUrl, ...options });
  if (!server.adminToken) {
    await server.close();
    throw new Error('the control plane started without a known admin token');
  }
  let closed = false;
  const cp = {
    url: server.url,
    adminToken: server.adminToken,
    close: async () => {
      if (closed) return;
      closed = true;
      await server.close();
    },
  };
  t?.after(cp.close);
  return cp;
}

/** A control plane in a child process: what crash tests kill. */
export interface ChildControlPlane extends TestControlPlane {
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr (its logs). */
  stderr: LineWatcher;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown hooks, no flush; what a crash looks like. */
  kill9(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./control-plane-main.ts', import.meta.url));

/**
 * Starts the control plane as a child process (through tsx) and waits for it to listen. Pass the
 * same `dataDir` again to restart on the data a killed process left behind.
 */
export async function spawnControlPlane(t: AfterHook | undefined, options: ServerOptions = {}, env: Record<string, string> = {}): Promise<ChildControlPlane> {
  const databaseUrl = options.dataDir || options.databaseUrl ? options.databaseUrl : await testDatabaseUrl();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, JSON.stringify({ timeScale: 0, databaseUrl, ...options })], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const stdout = watchLines(child.stdout!);
  const stderr = watchLines(child.stderr!);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const first = await Promise.race([
    stdout.waitFor(/^\{/),
    exited.then(({ code, signal }) => {
      throw new Error(`control plane exited (${code ?? signal}) before listening:\n${stderr.text()}`);
    }),
  ]);
  const info = JSON.parse(first) as { url: string; adminToken?: string; pid: number };
  let gone = false;
  void exited.then(() => (gone = true));
  const kill9 = async () => {
    if (!gone) child.kill('SIGKILL');
    await exited;
  };
  const cp: ChildControlPlane = {
    url: info.url,
    adminToken: info.adminToken ?? options.bootstrapToken ?? '',
    pid: info.pid,
    child,
    stderr,
    exited,
    kill9,
    async close() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
  t?.after(kill9);
  return cp;
}
