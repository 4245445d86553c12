import type { FastifyInstance } from 'fastify';
import { buildApp, openControlPlane } from './api/index.ts';
import type { ControlPlane } from './cloud/index.ts';
import type { Clock } from './operations/index.ts';

export interface EmbeddedOptions {
  /** Database file, e.g. `.aicloud/cloud.db`; admin.token and secret.key sit beside it. */
  path: string;
  timeScale?: number;
  clock?: Clock;
  inventoryFile?: string;
}

/** A request as the embedded transport sends it; the answer is what the HTTP server would send. */
export interface EmbeddedRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface EmbeddedCloud {
  /** The admin token of this cloud; the embedded cloud trusts its local user. */
  adminToken: string;
  request(req: EmbeddedRequest): Promise<{ status: number; headers: Record<string, string>; body: string }>;
  close(): Promise<void>;
  /** For tests and tools in this process. */
  readonly app: FastifyInstance;
  readonly controlPlane: ControlPlane;
}

/**
 * The same control plane in-process, on a database file, reached through fastify's inject (no
 * socket), so a fresh machine needs no server. Several processes may open one file: each write
 * takes SQLite's write lock and reloads what others changed first.
 */
export async function openEmbeddedCloud(options: EmbeddedOptions): Promise<EmbeddedCloud> {
  const opened = await openControlPlane({
    dbPath: options.path,
    timeScale: options.timeScale ?? 0,
    clock: options.clock,
    inventoryFile: options.inventoryFile,
    sharedFile: true,
    bootstrapToken: process.env.AICLOUD_BOOTSTRAP_TOKEN || undefined,
  });
  if (!opened.adminToken) {
    await opened.close();
    throw new Error(`the embedded cloud at ${options.path} has no admin.token beside it`);
  }
  const app = await buildApp(opened.cp, { logLevel: process.env.AICLOUD_LOG_LEVEL ?? 'silent' });
  await app.ready();
  return {
    adminToken: opened.adminToken,
    app,
    controlPlane: opened.cp,
    async request(req) {
      const res = await app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: req.headers,
        payload: req.body,
      });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
      return { status: res.statusCode, headers, body: res.body };
    },
    async close() {
      await app.close();
      await opened.close();
    },
  };
}
