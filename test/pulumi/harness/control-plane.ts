import { startServer } from '../../../controlplane/src/server.ts';
import type { Clock } from '../../../controlplane/src/operations/index.ts';
import { CloudClient, createHttpTransport } from '../../../provider/src/client/index.ts';

/** A control plane on port 0 in this process, with a client for out-of-band changes and admin checks. */
export interface TestCloud {
  url: string;
  token: string;
  client: CloudClient;
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Starts the control plane (in memory, time scale 0 unless told otherwise) and a client on it. */
export async function startTestCloud(opts: { timeScale?: number; clock?: Clock } = {}): Promise<TestCloud> {
  const token = `admin-${Math.random().toString(36).slice(2)}-test-token`;
  const server = await startServer({ port: 0, memory: true, timeScale: opts.timeScale ?? 0, clock: opts.clock, bootstrapToken: token, logLevel: 'silent' });
  const client = new CloudClient({ transport: createHttpTransport(server.url), token, project: 'default', retry: { maxAttempts: 1 } });
  return {
    url: server.url,
    token,
    client,
    async admin<T>(method: string, path: string, body?: unknown) {
      return (await client.raw<T>(method, path, { body, retry: false })).body;
    },
    async close() {
      await client.close();
      await server.close();
    },
  };
}
