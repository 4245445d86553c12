import { join } from 'node:path';
import { buildApp, openControlPlane, type RateLimitOptions } from './api/index.ts';
import { parseFaultSpec } from './cloud/index.ts';
import type { Clock } from './operations/index.ts';
import type { ScaleOutStats } from './cloud/index.ts';

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder for cloud.db, admin.token and secret.key. */
  dataDir?: string;
  /**
   * A postgres:// URL: the control plane keeps its state in PostgreSQL, and several servers may
   * serve one database. Defaults to AICLOUD_DATABASE_URL; without either, SQLite in dataDir.
   */
  databaseUrl?: string;
  /** Keep everything in memory (tests); the default when no dataDir is given. */
  memory?: boolean;
  inventoryFile?: string;
  timeScale?: number;
  /** Fault spec in the --faults format (api/faults.ts). */
  faults?: string;
  /** Admin token to register; defaults to AICLOUD_BOOTSTRAP_TOKEN. */
  bootstrapToken?: string;
  rateLimit?: RateLimitOptions;
  logLevel?: string;
  clock?: Clock;
  /** Source of randomness for fault injection; seeded in tests so they cannot flake. */
  random?: () => number;
}

export interface RunningServer {
  url: string;
  /** Known when this start created the token, was given it, or could read DIR/admin.token. */
  adminToken: string | undefined;
  /** How this instance kept up with others on one database (live counts); undefined on SQLite. */
  scaleOut?: ScaleOutStats;
  close(): Promise<void>;
}

/** Starts the control plane's HTTP server; `aicloud server` and the tests call this. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const databaseUrl = options.databaseUrl ?? (options.memory ? undefined : process.env.AICLOUD_DATABASE_URL || undefined);
  const opened = await openControlPlane({
    databaseUrl,
    dataDir: options.dataDir,
    dbPath: options.dataDir && !options.memory ? join(options.dataDir, 'cloud.db') : undefined,
    memory: options.memory || !options.dataDir,
    inventoryFile: options.inventoryFile,
    timeScale: options.timeScale,
    faults: options.faults ? parseFaultSpec(options.faults) : undefined,
    bootstrapToken: options.bootstrapToken ?? (process.env.AICLOUD_BOOTSTRAP_TOKEN || undefined),
    clock: options.clock,
    random: options.random,
  });
  const app = await buildApp(opened.cp, { logLevel: options.logLevel, rateLimit: options.rateLimit });
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (e) {
    await opened.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    adminToken: opened.adminToken,
    ...(databaseUrl && opened.cp.scaleOut ? { scaleOut: opened.cp.scaleOut } : {}),
    async close() {
      await app.close();
      await opened.close();
    },
  };
}
