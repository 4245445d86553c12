import { existsSync } from 'node:fs';
import { PACKAGE } from '../../../core/index.ts';
import { createProvider } from './create-provider.ts';
import { serveProvider } from './serve.ts';
import type { ClientFactory } from './provider-state.ts';

/** The client module opens SQLite and fastify for the embedded cloud, so it loads only when a resource RPC needs it. */
const makeClient: ClientFactory = async (settings) => (await import('./default-client.ts')).defaultClient(settings);

/**
 * The plugin process: serve, print the port as the first and only stdout line (the engine reads it), log to
 * stderr, and stop on the engine's signal. The engine's address (argv) is not needed: the provider does not
 * call back into the engine.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const debug = /^(1|true|debug)$/i.test(env.AICLOUD_LOG ?? '');
  const provider = createProvider({
    version: PACKAGE.version,
    schemaPath: findSchema(import.meta.url),
    makeClient,
    env,
    log: debug ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  const port = env.PULUMI_PROVIDER_PORT ? Number(env.PULUMI_PROVIDER_PORT) : 0;
  const serving = await serveProvider(provider.rpcs, { port });
  process.stdout.write(`${serving.port}\n`);
  const stop = () => {
    void serving.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The schema sits at the repository root; the bundle lives in dist/ and the sources deeper, so look upwards. */
function findSchema(from: string): URL {
  for (let up = '../'; up.length <= 5 * 3; up += '../') {
    const candidate = new URL(`${up}schema/schema.json`, from);
    if (existsSync(candidate)) return candidate;
  }
  return new URL('../../../schema/schema.json', from);
}
