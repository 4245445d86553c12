// Plan and apply at scale: how long the GitOps front end takes to load, plan and render stacks of
// growing size, and how much the parallel graph walk saves over Terraform's default of 10 in flight.
// Prints a table and writes bench/results/plan-apply.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startServer } from '../../controlplane/src/server.ts';
import { readStack, toObserved } from '../../provider/src/apply/read-stack.ts';
import { cloudExecutor } from '../../provider/src/apply/execute-step.ts';
import { walkPlan } from '../../provider/src/apply/walk-plan.ts';
import { CloudClient } from '../../provider/src/client/index.ts';
import { loadStack } from '../../provider/src/gitops/load-stack.ts';
import { buildPlan, coreRegistry, renderJson, renderMarkdown, renderText } from '../../provider/src/plan/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A stack of `n` storage resources plus one small cluster, KV pool and endpoint chain every 50. */
function manifests(n: number, stack: string): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${stack}-r${i}`;
    const kind = i % 3;
    if (kind === 0) docs.push(`apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata:\n  name: ${name}\nspec:\n  region: cn-southwest-2\n`);
    else if (kind === 1) docs.push(`apiVersion: aicloud.dev/v1\nkind: Volume\nmetadata:\n  name: ${name}\nspec:\n  zone: cn-southwest-2a\n  sizeGib: ${100 + i}\n`);
    else docs.push(`apiVersion: aicloud.dev/v1\nkind: FileSystem\nmetadata:\n  name: ${name}\nspec:\n  zone: cn-southwest-2a\n  capacityTib: 2\n`);
  }
  return docs.join('---\n');
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - t0) * 10) / 10, value };
}

const work = await mkdtemp(join(tmpdir(), 'aicloud-bench-plan-'));
const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
try {
  // 1. Planning against an empty cloud: load + validate + references, pure plan, renderings.
  const planRows: Record<string, number>[] = [];
  for (const n of [100, 1000, 5000]) {
    const dir = join(work, `s${n}`);
    await mkdir(dir);
    await writeFile(join(dir, 'stack.yaml'), manifests(n, `s${n}`));
    const load = await time(() => loadStack(dir, { stack: `s${n}` }));
    const plan = await time(() => buildPlan(load.value.desired, [], coreRegistry(), { stack: `s${n}`, project: 'default' }));
    // Plan again with everything observed (the steady state of a GitOps loop): every resource diffed.
    const observed = load.value.desired.map((d) => ({ kind: d.kind, name: d.name, spec: d.inputs, resourceVersion: 1, generation: 1 }));
    const noop = await time(() => buildPlan(load.value.desired, observed, coreRegistry(), { stack: `s${n}`, project: 'default' }));
    const text = await time(() => renderText(plan.value));
    const markdown = await time(() => renderMarkdown(plan.value));
    const json = await time(() => renderJson(plan.value));
    planRows.push({ resources: n, loadMs: load.ms, buildPlanMs: plan.ms, steadyStatePlanMs: noop.ms, renderTextMs: text.ms, renderMarkdownMs: markdown.ms, renderJsonMs: json.ms, jsonBytes: json.value.length });
  }
  results.plan = planRows;

  // 2. Apply on a real control plane over HTTP with simulated latencies scaled by 0.01
  // (Bucket 10 ms, Volume 30 ms, FileSystem 100 ms): parallelism 10 (Terraform's default) vs 64.
  const token = 'bench-admin-token-0123456789abcdef';
  const applyRows: Record<string, number>[] = [];
  for (const parallelism of [10, 64]) {
    const server = await startServer({ port: 0, memory: true, timeScale: 0.01, bootstrapToken: token, logLevel: 'silent' });
    const client = await CloudClient.connect({ endpoint: server.url, token });
    try {
      const n = 300;
      const stack = `apply${parallelism}`;
      const dir = join(work, stack);
      await mkdir(dir);
      await writeFile(join(dir, 'stack.yaml'), manifests(n, stack));
      const loaded = await loadStack(dir, { stack });
      const plan = buildPlan(loaded.desired, [], coreRegistry(), { stack, project: client.project });
      const apply = await time(() => walkPlan(plan, cloudExecutor(client), { parallelism }));
      if (!apply.value.ok) throw new Error(`apply failed: ${JSON.stringify(apply.value.outcomes.find((o) => o.status !== 'done'))}`);
      const replan = await time(async () => buildPlan(loaded.desired, (await readStack(client, stack)).map(toObserved), coreRegistry(), { stack, project: client.project }));
      applyRows.push({ resources: n, parallelism, applyMs: apply.ms, resourcesPerSecond: Math.round((n / apply.ms) * 1000 * 10) / 10, replanWithListMs: replan.ms, replanChanges: replan.value.steps.filter((s) => s.action !== 'no-op').length });
    } finally {
      await client.close();
      await server.close();
    }
  }
  results.apply = applyRows;
  const [p10, p64] = applyRows;
  results.speedup64vs10 = p10 && p64 ? Math.round((p10.applyMs! / p64.applyMs!) * 100) / 100 : null;

  console.table(planRows);
  console.table(applyRows);
  console.log(`parallelism 64 vs 10: ${String(results.speedup64vs10)}x faster`);
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(join(root, 'bench', 'results', 'plan-apply.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
