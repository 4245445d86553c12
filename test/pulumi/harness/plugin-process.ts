import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

/** The plugin binary, started the way the engine starts it. */
export const PLUGIN_BIN = fileURLToPath(new URL('../../../bin/pulumi-resource-aicloud.mjs', import.meta.url));

/** A running plugin: its port (from the first stdout line), everything it wrote, and a way to stop it. */
export interface PluginProcess {
  port: number;
  stdoutLines: string[];
  stderr(): string;
  stop(): Promise<void>;
  child: ChildProcess;
}

/**
 * Starts `pulumi-resource-aicloud` with an engine address as its argument, as the engine does, and waits for the
 * port line. Fails if anything but a port comes first, because that breaks the engine's start-up.
 */
export async function startPlugin(env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<PluginProcess> {
  const child = spawn(process.execPath, [PLUGIN_BIN, '127.0.0.1:1'], {
    // The launcher runs the bundle in dist/, which the test runner rebuilds before every run.
    env: { ...process.env, ...env },
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const lines = createInterface({ input: child.stdout! });
  const stdoutLines: string[] = [];
  const first = new Promise<string>((resolve, reject) => {
    lines.on('line', (l) => {
      stdoutLines.push(l);
      if (stdoutLines.length === 1) resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`plugin exited with ${code} before printing its port: ${stderr}`)));
  });
  const line = await first;
  if (!/^\d+$/.test(line)) throw new Error(`plugin's first stdout line is not a port: ${JSON.stringify(line)}`);
  return {
    port: Number(line),
    stdoutLines,
    stderr: () => stderr,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
