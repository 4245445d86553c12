import { join } from 'node:path';
import { CloudClient, createHttpTransport } from '../../provider/src/client/index.ts';
import { isAicloudError } from '../../core/index.ts';
import { apiRequest } from '../../test/support/api-request.ts';
import { setFaults } from '../../test/support/admin-api.ts';
import { runCli } from '../../test/support/cli.ts';
import { faultSpec } from '../../test/support/fault-spec.ts';
import { sampleInputs } from '../../test/support/sample-inputs.ts';
import { writeStack, type StackResource } from '../../test/support/stack-files.ts';
import type { SoakStats } from './stats.ts';

/** What every loop shares: where the cloud is, who it acts as, the clock to stop by and the dice. */
export interface SoakContext {
  url: string;
  adminToken: string;
  tokens: Record<string, string>;
  workDir: string;
  deadline: number;
  random: () => number;
  stats: SoakStats;
}

const codeOf = (e: unknown) => (isAicloudError(e) ? e.code : e instanceof Error ? e.name : 'UNKNOWN');
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function client(ctx: SoakContext, project: string): CloudClient {
  return new CloudClient({
    transport: createHttpTransport(ctx.url),
    token: ctx.tokens[project],
    project,
    retry: { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 500 },
  });
}

async function timed(ctx: SoakContext, kind: string, fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  try {
    await fn();
    ctx.stats.op(kind, performance.now() - t0);
  } catch (e) {
    ctx.stats.error(kind, codeOf(e));
  }
}

/** The GitOps path: `aicloud apply` of a small stack whose cluster sizes change every round. */
export async function applyLoop(ctx: SoakContext): Promise<void> {
  const dir = join(ctx.workDir, 'stack-soak');
  const env = { AICLOUD_ENDPOINT: ctx.url, AICLOUD_TOKEN: ctx.tokens['soak-apply'], AICLOUD_PROJECT: 'soak-apply' };
  while (Date.now() < ctx.deadline) {
    const resources: StackResource[] = [];
    for (let i = 0; i < 3; i++) {
      const { name: _c, ...cluster } = sampleInputs('Cluster', `app-c${i}`);
      resources.push({ kind: 'Cluster', name: `app-c${i}`, spec: { ...cluster, nodeCount: 1 + Math.floor(ctx.random() * 4) } });
      const { name: _v, ...volume } = sampleInputs('Volume', `app-v${i}`);
      resources.push({ kind: 'Volume', name: `app-v${i}`, spec: volume });
      const { name: _p, ...pool } = sampleInputs('KvCachePool', `app-p${i}`, { cluster: `app-c${i}` });
      resources.push({ kind: 'KvCachePool', name: `app-p${i}`, spec: pool });
    }
    writeStack(dir, resources);
    const t0 = performance.now();
    const r = await runCli(['apply', dir, '--auto-approve', '--lock-timeout', '1m'], { env });
    if (r.code === 0) ctx.stats.op('cli-apply', performance.now() - t0);
    else ctx.stats.error('cli-apply', /\[([A-Z_]+)\]/.exec(r.stdout + r.stderr)?.[1] ?? `EXIT_${r.code ?? r.signal}`);
  }
}

/** Direct scale-ups and scale-downs of one cluster through the client (merge patch, retries). */
export async function scaleLoop(ctx: SoakContext): Promise<void> {
  const c = client(ctx, 'soak-scale');
  await timed(ctx, 'scale', () => c.create('Cluster', { ...sampleInputs('Cluster', 'grow-me'), placement: 'supernode' }));
  while (Date.now() < ctx.deadline) {
    const nodeCount = 1 + Math.floor(ctx.random() * 8);
    await timed(ctx, 'scale', () => c.update('Cluster', 'grow-me', { nodeCount }));
  }
  await c.close();
}

/** Endpoints come and go on one cluster: create, read its key, delete an older one. */
export async function endpointChurn(ctx: SoakContext): Promise<void> {
  const c = client(ctx, 'soak-ep');
  await timed(ctx, 'endpoint-create', () => c.create('Cluster', { ...sampleInputs('Cluster', 'ep-host'), nodeCount: 4 }));
  await timed(ctx, 'endpoint-create', () => c.create('Bucket', sampleInputs('Bucket', `soak-ep-weights`)));
  for (let i = 0; Date.now() < ctx.deadline; i++) {
    const name = `ep-${i % 12}`;
    await timed(ctx, 'endpoint-delete', () => c.delete('ModelEndpoint', name));
    await timed(ctx, 'endpoint-create', () =>
      c.create('ModelEndpoint', { ...sampleInputs('ModelEndpoint', name, { cluster: 'ep-host', bucket: 'soak-ep-weights' }), replicas: 1 + (i % 3) }),
    );
  }
  await c.close();
}

/** Plain reads without retries, so their latency and the faults they meet are measured raw. */
export async function readLoop(ctx: SoakContext): Promise<void> {
  const paths = ['/v1/projects/soak-ep/endpoints', '/v1/projects/soak-apply/clusters', '/v1/capacity', '/v1/projects/soak-scale/clusters/grow-me'];
  while (Date.now() < ctx.deadline) {
    const path = pick(ctx.random, paths);
    const project = path.split('/')[3] ?? 'soak-ep';
    const token = ctx.tokens[project] ?? ctx.adminToken;
    const t0 = performance.now();
    try {
      const r = await apiRequest(ctx.url, 'GET', path, { token });
      if (r.status === 200) ctx.stats.op('read', performance.now() - t0);
      else ctx.stats.error('read', r.body?.code ?? `HTTP_${r.status}`);
    } catch (e) {
      ctx.stats.error('read', codeOf(e));
    }
  }
}

/** Faults switch on and off: a tenth of requests fail with 5xx/429 and 5% of operations fail. */
export async function faultLoop(ctx: SoakContext, periodMs: number): Promise<{ toggles: number }> {
  let on = false;
  let toggles = 0;
  while (Date.now() < ctx.deadline) {
    on = !on;
    toggles++;
    await setFaults(ctx.url, ctx.adminToken, on ? faultSpec({ errorRate: 0.1, operationFailureRate: 0.05 }) : undefined);
    await new Promise((r) => setTimeout(r, Math.min(periodMs, Math.max(0, ctx.deadline - Date.now()))));
  }
  await setFaults(ctx.url, ctx.adminToken, undefined);
  return { toggles };
}
