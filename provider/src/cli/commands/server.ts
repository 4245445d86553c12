import type { CliContext } from '../cli-context.ts';

/**
 * `aicloud server`: the control plane's own entry point, so its flags and
 * behaviour are the same whether started through the CLI or directly. It runs
 * until SIGINT or SIGTERM.
 */
export async function run(args: readonly string[], _ctx: CliContext): Promise<number> {
  const { main } = await import('../../../../controlplane/src/main.ts');
  await main(['node', 'aicloud server', ...args]);
  // The server keeps the process alive; its signal handlers exit.
  return new Promise<number>(() => {});
}
