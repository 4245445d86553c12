// Plan and apply at scale. Plan: load + validate + plan + render for 1,000 and 10,000 resources,
// against an empty cloud and against a cloud that already matches (the steady state of a GitOps
// loop). Apply: 1,000 resources on a real control plane over HTTP with simulated latencies, as a ratio
// to the critical-path bound (the longest chain of latencies, which no applier can beat).
// `--apply-resources 0` skips the apply half. `--repeat N` runs each plan measurement N times and
// keeps the median, since a shared machine's load swings single runs by a factor of two or more.
// Prints tables and writes bench/results/plan-apply.json.
import { spawnSync } from 'node:child_process';
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
import { NOMINAL_LATENCY_MS } from '../../core/index.ts';
import { loadStack } from '../../provider/src/gitops/load-stack.ts';
import { buildPlan, coreRegistry, renderJson, renderMarkdown, renderText } from '../../provider/src/plan/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'apply-resources': { type: 'string', default: '1000' },
    'time-scale': { type: 'string', default: '0.1' },
    parallelism: { type: 'string', default: '256' },
    repeat: { type: 'string', default: '3' },
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

/** Wall time and this process's CPU time (all threads, so GC helpers count); CPU time moves less with the machine's load. */
async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms: round1(ms), cpuMs: round1((cpu.user + cpu.system) / 1000), value };
}

/** Runs a measurement `repeat` times and keeps the run with the median wall time. */
async function median<T>(repeat: number, fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const runs: { ms: number; cpuMs: number; value: T }[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await time(fn));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

/** Plans in a fresh process, as `aicloud plan` runs: `repeat` processes, the one with the median load + plan time. */
function coldRuns(repeat: number, dir: string, stack: string): Record<string, number> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < repeat; i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'plan-apply', 'cold-plan.ts'), dir, stack], {
      cwd: root,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`cold plan run failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout) as Record<string, number>);
  }
  const total = (r: Record<string, number>): number => r.loadAndValidateMs! + Math.max(r.planCreateAllMs!, r.planNoChangeMs!);
  runs.sort((a, b) => total(a) - total(b));
  return runs[Math.floor(runs.length / 2)]!;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
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
    const repeat = Math.max(1, Number(args.repeat));
    const load = await median(repeat, () => loadStack(dir, { stack }));
    const fresh = await median(repeat, () => buildPlan(load.value.desired, [], coreRegistry(), { stack, project: 'default' }));
    // What the control plane would report for a stack that matches: the same inputs, as separate objects.
    const observed = load.value.desired.map((d) => ({ kind: d.kind, name: d.name, spec: structuredClone(d.inputs), resourceVersion: 1, generation: 1 }));
    const steady = await median(repeat, () => buildPlan(load.value.desired, observed, coreRegistry(), { stack, project: 'default' }));
    if (steady.value.summary['no-op'] !== n) throw new Error(`a matching cloud should give ${n} no-ops, got ${JSON.stringify(steady.value.summary)}`);
    const text = await median(repeat, () => renderText(fresh.value));
    const markdown = await median(repeat, () => renderMarkdown(fresh.value));
    const json = await median(repeat, () => renderJson(fresh.value));
    const cold = coldRuns(repeat, dir, stack);
    planRows.push({
      resources: n,
      loadAndValidateMs: load.ms,
      planCreateAllMs: fresh.ms,
      planNoChangeMs: steady.ms,
      renderTextMs: text.ms,
      renderMarkdownMs: markdown.ms,
      renderJsonMs: json.ms,
      // The goal: load, validate, resolve and plan under 1 s beyond reading the state, in both cases.
      loadAndPlanCreateMs: round1(load.ms + fresh.ms),
      loadAndPlanNoChangeMs: round1(load.ms + steady.ms),
      // What `aicloud plan` costs beyond reading the cloud's state: load, validate, plan, render.
      planBeyondStateMs: round1(load.ms + fresh.ms + text.ms),
      loadAndValidateCpuMs: load.cpuMs,
      planCreateAllCpuMs: fresh.cpuMs,
      planNoChangeCpuMs: steady.cpuMs,
      // The same in a fresh process (as the CLI runs): nothing compiled or warmed up yet.
      coldLoadAndValidateMs: cold.loadAndValidateMs!,
      coldPlanCreateAllMs: cold.planCreateAllMs!,
      coldPlanNoChangeMs: cold.planNoChangeMs!,
      coldLoadAndPlanCreateMs: round1(cold.loadAndValidateMs! + cold.planCreateAllMs!),
      coldLoadAndPlanNoChangeMs: round1(cold.loadAndValidateMs! + cold.planNoChangeMs!),
    });
  }
  results.plan = planRows;
  // The promise to users: load, validate, resolve and plan 10,000 resources in under 1 s beyond reading the state.
  const largest = planRows.find((row) => row.resources === 10000);
  if (largest) {
    const worst = Math.max(largest.loadAndPlanCreateMs!, largest.loadAndPlanNoChangeMs!, largest.coldLoadAndPlanCreateMs!, largest.coldLoadAndPlanNoChangeMs!);
    results.goal = { resources: 10000, budgetMs: 1000, worstLoadAndPlanMs: worst, met: worst < 1000 };
  }

  const n = Number(args['apply-resources']);
  if (n > 0) {
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
      const replan = await time(async () =>
        buildPlan(loaded.desired, (await readStack(client, stack)).map(toObserved), coreRegistry(), { stack, project: client.project }),
      );
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
  }

  // One row per measurement, one column per stack size: the rows are too many to read the other way round.
  console.table(
    Object.fromEntries(Object.keys(planRows[0] ?? {}).map((key) => [key, Object.fromEntries(planRows.map((row) => [`${row.resources}`, row[key]]))])),
  );
  if (results.apply) console.table([results.apply]);
  if (results.goal) console.log(`goal (load + plan of 10,000 resources under 1 s, warm or in a fresh process): ${JSON.stringify(results.goal)}`);
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(join(root, 'bench', 'results', 'plan-apply.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
