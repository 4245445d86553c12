import { join } from 'node:path';
import { AicloudError } from '../../../core/index.ts';
import type { Transport } from './transport.ts';

/**
 * Opens the embedded cloud at `<dataDir>/cloud.db` and sends requests into it with fastify's
 * inject. Loaded lazily so HTTP users never load SQLite. Returns the admin token to use, since the
 * embedded cloud trusts its local user.
 */
export async function createEmbeddedTransport(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<{ transport: Transport; token: string }> {
  const { openEmbeddedCloud } = await import('../../../controlplane/src/embedded.ts');
  const cloud = await openEmbeddedCloud({ path: join(dataDir, 'cloud.db'), timeScale: embeddedTimeScale(env) });
  return {
    token: cloud.adminToken,
    transport: {
      kind: 'embedded',
      async send(req) {
        if (req.signal?.aborted) throw req.signal.reason ?? new Error('aborted');
        return cloud.request({ method: req.method, url: req.path, headers: req.headers, body: req.body });
      },
      close: () => cloud.close(),
    },
  };
}

/**
 * The embedded cloud completes operations at once unless AICLOUD_TIME_SCALE asks for simulated
 * latencies (1 = real-cloud pace), which the demo uses to show live progress.
 */
export function embeddedTimeScale(env: NodeJS.ProcessEnv): number {
  const raw = env.AICLOUD_TIME_SCALE;
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 100) {
    throw new AicloudError('INVALID_CONFIG', `AICLOUD_TIME_SCALE must be a number from 0 to 100, got ${JSON.stringify(raw)}`, {
      field: 'AICLOUD_TIME_SCALE',
      value: raw,
    });
  }
  return n;
}
