import { join } from 'node:path';
import { resolveConfig, embeddedTimeScale } from '../../client/index.ts';
import { AicloudError } from '../../../../core/index.ts';
import type { CliContext, CloudOptions } from '../cli-context.ts';

/**
 * `aicloud console [--port N]`: serves the web console of the embedded cloud on 127.0.0.1 and
 * prints a sign-in link. The link carries the embedded admin token in its fragment, which browsers
 * never send to the server, and the page moves it into session storage; the token goes to stdout
 * for the local user only, never to a log.
 */
export async function run(options: CloudOptions & { port: number }, ctx: CliContext): Promise<number> {
  const config = resolveConfig({ ...options, endpoint: undefined }, { ...ctx.env, AICLOUD_ENDPOINT: '' }, ctx.cwd);
  if (options.endpoint || ctx.env.AICLOUD_ENDPOINT) {
    throw new AicloudError(
      'INVALID_CONFIG',
      'aicloud console serves the embedded cloud; a control plane started with `aicloud server` serves its console at its own URL',
      {
        field: 'endpoint',
        value: options.endpoint || ctx.env.AICLOUD_ENDPOINT,
        hint: "Open the server's URL in a browser, or unset AICLOUD_ENDPOINT.",
      },
    );
  }
  const { openEmbeddedCloud } = await import('../../../../controlplane/src/embedded.ts');
  const cloud = await openEmbeddedCloud({ path: join(config.dataDir, 'cloud.db'), timeScale: embeddedTimeScale(ctx.env) });
  try {
    await cloud.app.listen({ port: options.port, host: '127.0.0.1' });
  } catch (e) {
    await cloud.close();
    throw e;
  }
  const address = cloud.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}/`;
  const fragment = new URLSearchParams({ token: cloud.adminToken, project: config.project }).toString();
  ctx.stdout.write(`aicloud console of the embedded cloud at ${config.dataDir}\n`);
  ctx.stdout.write(`  ${url}\n`);
  ctx.stdout.write(`open this link to sign in with the embedded admin token (Ctrl-C stops):\n  ${url}#${fragment}\n`);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await cloud.close();
  return 0;
}
