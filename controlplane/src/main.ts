import { Command, InvalidArgumentError } from 'commander';
import { isAicloudError } from '../../core/index.ts';
import { FaultSpecError, parseFaultSpec } from './cloud/index.ts';
import { startServer } from './server.ts';

const number = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${name} must be a number >= 0`);
  return n;
};

/** `aicloud server` as a standalone entry: parses flags, starts, prints the URL first. */
export async function main(argv: string[] = process.argv): Promise<void> {
  const program = new Command('aicloud-server')
    .description('Run the aicloud control plane')
    .option('--port <n>', 'port (0 picks a free one)', number('port'), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'folder for cloud.db, admin.token and secret.key', '.aicloud')
    .option(
      '--database <url>',
      'PostgreSQL URL (postgres://...); several servers may share one database (default: AICLOUD_DATABASE_URL, else SQLite in --data-dir)',
    )
    .option('--memory', 'keep everything in memory (tests)')
    .option('--inventory <file>', 'YAML inventory instead of the default one')
    .option('--time-scale <x>', 'multiplier of simulated latencies (0 = immediate)', number('time-scale'), 1)
    .option('--faults <spec>', 'fault injection, e.g. "POST /v1/projects/*/clusters=0.2:503,latency=20ms,opfail=0.1"', (v) => {
      try {
        parseFaultSpec(v);
        return v;
      } catch (e) {
        throw new InvalidArgumentError(e instanceof FaultSpecError ? e.message : String(e));
      }
    })
    .option('--rate-limit <n>', 'requests per second per token (off by default)', number('rate-limit'))
    .option('--log-level <level>', 'stderr log level', 'info')
    .parse(argv);
  const o = program.opts<{
    port: number;
    host: string;
    dataDir: string;
    database?: string;
    memory?: boolean;
    inventory?: string;
    timeScale: number;
    faults?: string;
    rateLimit?: number;
    logLevel: string;
  }>();
  try {
    const server = await startServer({
      port: o.port,
      host: o.host,
      databaseUrl: o.database,
      dataDir: o.memory ? undefined : o.dataDir,
      memory: o.memory,
      inventoryFile: o.inventory,
      timeScale: o.timeScale,
      faults: o.faults,
      rateLimit: o.rateLimit ? { perSecond: o.rateLimit } : undefined,
      logLevel: o.logLevel,
    });
    process.stdout.write(`aicloud control plane listening on ${server.url}\n`);
    // The token itself never goes to a log: it is in the file, or the caller chose it.
    if (!o.memory) process.stderr.write(`admin token: ${o.dataDir}/admin.token\n`);
    else if (!process.env.AICLOUD_BOOTSTRAP_TOKEN) process.stderr.write('memory mode: set AICLOUD_BOOTSTRAP_TOKEN to choose the admin token\n');
    const stop = () => {
      // On a shared database, the last line says how this instance kept up (the benchmark reads it).
      if (server.scaleOut) process.stdout.write(`scale-out stats: ${JSON.stringify(server.scaleOut)}\n`);
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (e) {
    process.stderr.write(`aicloud server: ${isAicloudError(e) || e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
