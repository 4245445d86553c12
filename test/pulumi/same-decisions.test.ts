import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadStack, parseManifests, resolveStack } from '../../provider/src/gitops/index.ts';
import { buildPlan, coreRegistry } from '../../provider/src/plan/index.ts';
import type { DesiredResource } from '../../provider/src/plan/index.ts';
import { kindFromToken } from '../../core/index.ts';
import { providerPb } from '../../provider/src/pulumi/proto.ts';
import { startInProcessProvider } from './harness/in-process-provider.ts';
import type { InProcessProvider } from './harness/in-process-provider.ts';
import type { Declared } from './harness/engine.ts';
import { stack, withChange } from './fixtures/stack.ts';

// The provider and the GitOps planner must make the same decisions on the same stack: which inputs are
// invalid (path and code) and, for a change, update versus replace and which fields change.
const GITOPS_DIR = fileURLToPath(new URL('../../examples/gitops/', import.meta.url));
const STACK = 'same-decisions';
const MANAGED = /^labels(\.|\[")aicloud\.dev\//;

let pulumi: InProcessProvider;

before(async () => {
  pulumi = await startInProcessProvider({ region: 'cn-southwest-2' });
  // Endpoints are checked against their cluster's accelerators; in a real `up` the cluster exists by then.
  for (const d of stack().filter((r) => r.type === 'aicloud:compute:Cluster')) await pulumi.client.create('Cluster', d.inputs);
});

after(async () => {
  await pulumi?.close();
});

/** The stack as GitOps manifests: metadata carries name and labels, spec the rest. */
function toManifests(program: Declared[]): string {
  return program
    .map((d) => {
      const { name, labels, ...spec } = d.inputs;
      return stringify({ apiVersion: 'aicloud.dev/v1', kind: kindFromToken(d.type), metadata: { name, labels }, spec });
    })
    .join('---\n');
}

function gitopsDesired(program: Declared[]): { desired: DesiredResource[]; problems: { name: string; path: string; code: string }[] } {
  const text = toManifests(program);
  const parsed = parseManifests(text, 'stack.yaml');
  assert.deepEqual(parsed.diagnostics, []);
  const resolved = resolveStack(parsed.manifests, { stack: STACK, defaultRegion: 'cn-southwest-2' });
  // Diagnostics carry file positions; the document a line falls in names the resource.
  const starts = text.split('\n').flatMap((l, i) => (l === '---' ? [i + 1] : []));
  const nameAt = (line: number) => program[starts.filter((s) => s < line).length].name;
  return {
    desired: resolved.desired,
    problems: resolved.diagnostics.map((d) => ({ name: nameAt(d.position.line), path: d.path.replace(/^spec\./, ''), code: d.code })),
  };
}

async function pulumiProblems(program: Declared[]): Promise<{ name: string; path: string; code: string }[]> {
  const out: { name: string; path: string; code: string }[] = [];
  for (const d of program) {
    const { failures } = await pulumi.check(d.type, d.name, {}, d.inputs);
    for (const f of failures) out.push({ name: d.name, path: f.property, code: /\[([A-Z_]+)\]/.exec(f.reason)?.[1] ?? '?' });
  }
  return out;
}

type Decision = { action: 'no-op' | 'update' | 'replace'; paths: string[]; replaced: string[] };

function gitopsDecisions(oldProgram: Declared[], newProgram: Declared[]): Map<string, Decision> {
  const observed = gitopsDesired(oldProgram).desired.map((d) => ({
    kind: d.kind,
    name: d.name,
    spec: d.inputs,
    resourceVersion: 1,
    generation: 1,
    status: 'ready',
  }));
  const plan = buildPlan(gitopsDesired(newProgram).desired, observed, coreRegistry(), { stack: STACK, project: 'default' });
  const out = new Map<string, Decision>();
  for (const s of plan.steps) {
    if (s.action === 'create' || s.action === 'delete') continue;
    const fields = s.fields.filter((f) => !MANAGED.test(f.path));
    out.set(s.name, {
      action: s.action,
      paths: fields.map((f) => f.path).sort(),
      replaced: [...new Set(fields.filter((f) => f.impact === 'replace').map((f) => f.path.split(/[.[]/)[0]))].sort(),
    });
  }
  return out;
}

async function pulumiDecisions(oldProgram: Declared[], newProgram: Declared[]): Promise<Map<string, Decision>> {
  const out = new Map<string, Decision>();
  for (const [i, d] of newProgram.entries()) {
    const old = await pulumi.check(oldProgram[i].type, oldProgram[i].name, {}, oldProgram[i].inputs);
    const news = await pulumi.check(d.type, d.name, old.inputs, d.inputs);
    assert.deepEqual(news.failures, [], d.name);
    const diff = await pulumi.diff(d.type, d.name, old.inputs, news.inputs);
    const action = diff.changes === providerPb.DiffResponse.DiffChanges.DIFF_NONE ? 'no-op' : diff.replaces.length ? 'replace' : 'update';
    out.set(d.inputs.name as string, { action, paths: Object.keys(diff.detailed).sort(), replaced: [...diff.replaces].sort() });
  }
  return out;
}

test('the fixture is the examples/gitops stack', async () => {
  const loaded = await loadStack(GITOPS_DIR, { stack: STACK, defaultRegion: 'cn-southwest-2' });
  const fromExample = new Map(loaded.desired.map((d) => [`${d.kind}/${d.name}`, stripManaged(d.inputs)]));
  const fromFixture = new Map(gitopsDesired(stack()).desired.map((d) => [`${d.kind}/${d.name}`, stripManaged(d.inputs)]));
  assert.deepEqual(fromFixture, fromExample);
});

test('validation: the same invalid stack fails at the same paths with the same codes', async () => {
  let bad = withChange(stack(), 'infer-a', (i) => ({ ...i, nodeCount: 0, acceleratorType: 'ascend-999' }));
  bad = withChange(bad, 'deepseek-r1', (i) => ({
    ...i,
    parallelism: { tensor: 2, expert: 16, pipeline: 1, data: 1 },
    autoscaling: { minReplicas: 4, maxReplicas: 2 },
  }));
  bad = withChange(bad, 'fm-weights-deepseek', (i) => ({ ...i, storageClass: 'glacier' }));
  const gitops = gitopsDesired(bad).problems;
  const pulumiSide = await pulumiProblems(bad);
  const key = (p: { name: string; path: string; code: string }) => `${p.name} ${p.path} ${p.code}`;
  assert.ok(pulumiSide.length >= 3, JSON.stringify(pulumiSide));
  assert.deepEqual(new Set(pulumiSide.map(key)), new Set(gitops.map(key)));
});

test('validation: an endpoint that does not fit its cluster is refused by both, with the numbers', async () => {
  const bad = withChange(stack(), 'deepseek-r1', (i) => ({
    ...i,
    acceleratorsPerReplica: 4,
    parallelism: { tensor: 1, expert: 4, pipeline: 1, data: 1 },
    model: { ...(i.model as object), precision: 'bf16' },
  }));
  const gitops = gitopsDesired(bad).problems;
  const pulumiSide = await pulumiProblems(bad);
  assert.deepEqual(pulumiSide, gitops);
  assert.ok(pulumiSide.some((p) => p.code === 'ENDPOINT_DOES_NOT_FIT'));
});

const CHANGES: { name: string; change: (p: Declared[]) => Declared[] }[] = [
  { name: 'scaling a cluster', change: (p) => withChange(p, 'train-a', (i) => ({ ...i, nodeCount: 40 })) },
  { name: 'moving a cluster to another placement', change: (p) => withChange(p, 'train-a', (i) => ({ ...i, placement: 'spread' })) },
  { name: 'a new label', change: (p) => withChange(p, 'infer-a', (i) => ({ ...i, labels: { ...(i.labels as object), tier: 'gold' } })) },
  { name: 'growing the file system', change: (p) => withChange(p, 'ckpt-train-a', (i) => ({ ...i, capacityTib: 640 })) },
  { name: 'another protocol for the file system', change: (p) => withChange(p, 'ckpt-train-a', (i) => ({ ...i, protocol: 'nfs' })) },
  { name: 'autoscaling bounds', change: (p) => withChange(p, 'deepseek-r1', (i) => ({ ...i, autoscaling: { ...(i.autoscaling as object), maxReplicas: 6 } })) },
  { name: 'another model precision', change: (p) => withChange(p, 'deepseek-r1', (i) => ({ ...i, model: { ...(i.model as object), precision: 'int8' } })) },
  { name: 'new parallelism', change: (p) => withChange(p, 'deepseek-r1', (i) => ({ ...i, parallelism: { tensor: 2, expert: 8, pipeline: 1, data: 1 } })) },
  { name: 'a KV-cache tier resized', change: (p) => withChange(p, 'kv-r1', (i) => ({ ...i, tiers: { ...(i.tiers as object), dramGib: 8192 } })) },
  { name: 'bucket versioning off', change: (p) => withChange(p, 'fm-weights-deepseek', (i) => ({ ...i, versioning: false })) },
  { name: 'no change at all', change: (p) => p },
];

for (const c of CHANGES) {
  test(`update or replace: ${c.name}`, async () => {
    const base = stack();
    const next = c.change(stack());
    const gitops = gitopsDecisions(base, next);
    const pulumiSide = await pulumiDecisions(base, next);
    assert.deepEqual(pulumiSide, gitops);
  });
}

test('deleteBeforeReplace follows the core: same name means the old copy goes first', async () => {
  const base = stack();
  const moved = withChange(base, 'train-a', (i) => ({ ...i, placement: 'spread' }));
  const old = await pulumi.check(base[0].type, 'train-a', {}, base[0].inputs);
  const news = await pulumi.check(moved[0].type, 'train-a', old.inputs, moved[0].inputs);
  const diff = await pulumi.diff(base[0].type, 'train-a', old.inputs, news.inputs);
  const observed = gitopsDesired(base).desired.map((d) => ({ kind: d.kind, name: d.name, spec: d.inputs, resourceVersion: 1, generation: 1 }));
  const step = buildPlan(gitopsDesired(moved).desired, observed, coreRegistry(), { stack: STACK, project: 'default' }).steps.find((s) => s.name === 'train-a')!;
  assert.equal(diff.deleteBeforeReplace, step.deleteBeforeReplace);
  assert.equal(diff.deleteBeforeReplace, true);
});

function stripManaged(inputs: Record<string, unknown>): Record<string, unknown> {
  const labels = Object.fromEntries(Object.entries((inputs.labels as Record<string, string>) ?? {}).filter(([k]) => !k.startsWith('aicloud.dev/')));
  return { ...inputs, labels };
}
