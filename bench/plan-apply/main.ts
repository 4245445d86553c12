// Plan and apply at scale. Plan: load + validate + plan + render for 1,000 and 10,000 resources,
// against an empty cloud and against a cloud that already matches (the steady state of a GitOps
// loop). Apply: 1,000 resources on a real control plane over HTTP with simulated latencies, as a ratio
// to the critical-path bound (the longest chain of latencies, which no applier can beat).
// Prints tables and writes bench/results/plan-apply.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startServer } from '../../controlplane/src/server.ts';
import { readStack, toObserved } from '../../provider/src/apply/read-stack.ts';
import { cloudExecutor } from '../../provider/src/apply/execute-step.ts';
import { walkPlan } from '../../provider/src/apply/walk-plan.ts';
import { CloudClient } from '../../provider/src/client/index.ts';
import { NOMINAL_LATENCY_MS } from '../../provider/src/core/index.ts';
import { loadStack } from '../../provider/src/gitops/load-stack.ts';
import { buildPlan, coreRegistry, renderJson, renderMarkdown, renderText } from '../../provider/src/plan/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'apply-resources': { type: 'string', default: '1000' },
    'time-scale': { type: 'string', default: '0.1' },
    parallelism: { type: 'string', default: '256' },
  },
});

/** Storage resources, one manifest each, cycling through the storage kinds. */
function storage(i: number, stack: string): string {
  const name = `${stack}-r${i}`;
  switch (i % 3) {
    case 0:
      return `apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata:\n  name: ${name}\nspec:\n  region: cn-southwest-2\n`;
    case 1:
      return `apiVersion: aicloud.dev/v1\nkind: Volume\nmetadata:\n  name: ${name}\nspec:\n  zone: cn-southwest-2a\n  sizeGib: ${100 + i}\n`;
    default:
      return `apiVersion: aicloud.dev/v1\nkind: FileSystem\nmetadata:\n  name: ${name}\nspec:\n  zone: cn-southwest-2a\n  capacityTib: 2\n`;
  }
}

/** A serving chain, the longest in the stack: a one-server cluster, its KV-cache pool, an endpoint on both. */
function chain(i: number, stack: string): string[] {
  const c = `${stack}-c${i}`;
  return [
    `apiVersion: aicloud.dev/v1\nkind: Cluster\nmetadata:\n  name: ${c}\nspec:\n  zone: cn-southwest-2a\n  acceleratorType: ascend-910c\n  nodeCount: 1\n`,
    `apiVersion: aicloud.dev/v1\nkind: KvCachePool\nmetadata:\n  name: ${c}-kv\nspec:\n  region: cn-southwest-2\n  cluster: ${c}\n  tiers:\n    hbmGib: 16\n    dramGib: 256\n`,
    `apiVersion: aicloud.dev/v1\nkind: ModelEndpoint\nmetadata:\n  name: ${c}-ep\nspec:\n  region: cn-southwest-2\n  cluster: ${c}\n  kvCachePool: ${c}-kv\n` +
      `  model:\n    name: qwen-7b\n    bucket: ${stack}-r0\n    path: qwen/7b\n    parametersBillions: 7\n` +
      `  runtime:\n    framework: mindie\n    softwareStack: cann-8.1\n  acceleratorsPerReplica: 1\n  replicas: 1\n`,
  ];
}

/** n resources: one serving chain per 50, the rest storage. */
function manifests(n: number, stack: string): string {
  const docs: string[] = [];
  const chains = Math.max(1, Math.floor(n / 50));
  for (let i = 0; i < chains; i++) docs.push(...chain(i, stack));
  for (let i = 0; docs.length < n; i++) docs.push(storage(i, stack));
  return docs.join('---\n');
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - t0) * 10) / 10, value };
}

const work = await mkdtemp(join(tmpdir(), 'aicloud-bench-plan-'));
const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString(), cpus: (await import('node:os')).cpus().length };
try {
  const planRows: Record<string, number>[] = [];
  for (const n of args.sizes!.split(',').map(Number)) {
    const stack = `s${n}`;
    const dir = join(work, stack);
    await mkdir(dir);
    await writeFile(join(dir, 'stack.yaml'), manifests(n, stack));
    const load = await time(() => loadStack(dir, { stack }));
    const fresh = await time(() => buildPlan(load.value.desired, [], coreRegistry(), { stack, project: 'default' }));
    const observed = load.value.desired.map((d) => ({ kind: d.kind, name: d.name, spec: d.inputs, resourceVersion: 1, generation: 1 }));
    const steady = await time(() => buildPlan(load.value.desired, observed, coreRegistry(), { stack, project: 'default' }));
    const text = await time(() => renderText(fresh.value));
    const markdown = await time(() => renderMarkdown(fresh.value));
    const json = await time(() => renderJson(fresh.value));
    planRows.push({
      resources: n,
      loadAndValidateMs: load.ms,
      planCreateAllMs: fresh.ms,
      planNoChangeMs: steady.ms,
      renderTextMs: text.ms,
      renderMarkdownMs: markdown.ms,
      renderJsonMs: json.ms,
      // What `aicloud plan` costs beyond reading the cloud's state: load, validate, plan, render.
      planBeyondStateMs: Math.round((load.ms + fresh.ms + text.ms) * 10) / 10,
    });
  }
  results.plan = planRows;

  const n = Number(args['apply-resources']);
  const timeScale = Number(args['time-scale']);
  const parallelism = Number(args.parallelism);
  const token = 'bench-admin-token-0123456789abcdef';
  const server = await startServer({ port: 0, memory: true, timeScale, bootstrapToken: token, logLevel: 'silent' });
  const client = await CloudClient.connect({ endpoint: server.url, token });
  try {
    const stack = 'apply';
    const dir = join(work, stack);
    await mkdir(dir);
    await writeFile(join(dir, 'stack.yaml'), manifests(n, stack));
    const loaded = await loadStack(dir, { stack });
    const plan = buildPlan(loaded.desired, [], coreRegistry(), { stack, project: client.project });
    const apply = await time(() => walkPlan(plan, cloudExecutor(client), { parallelism }));
    if (!apply.value.ok) throw new Error(`apply failed: ${JSON.stringify(apply.value.outcomes.find((o) => o.status !== 'done'))}`);
    // The bound: the longest chain of simulated latencies (cluster, then pool, then endpoint).
    const boundMs = (NOMINAL_LATENCY_MS.Cluster + NOMINAL_LATENCY_MS.KvCachePool + NOMINAL_LATENCY_MS.ModelEndpoint) * timeScale;
    const replan = await time(async () => buildPlan(loaded.desired, (await readStack(client, stack)).map(toObserved), coreRegistry(), { stack, project: client.project }));
    results.apply = {
      resources: n,
      timeScale,
      parallelism,
      applyMs: apply.ms,
      criticalPathBoundMs: boundMs,
      ratioToBound: Math.round((apply.ms / boundMs) * 1000) / 1000,
      resourcesPerSecond: Math.round((n / apply.ms) * 1000 * 10) / 10,
      replanWithListMs: replan.ms,
      replanChanges: replan.value.steps.filter((s) => s.action !== 'no-op').length,
    };
  } finally {
    await client.close();
    await server.close();
  }

  console.table(planRows);
  console.table([results.apply]);
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(join(root, 'bench', 'results', 'plan-apply.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
