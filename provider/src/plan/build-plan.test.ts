import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, type Kind } from '../../../core/index.ts';
import { buildPlan } from './build-plan.ts';
import { coreRegistry } from './core-registry.ts';
import type { DesiredResource, ObservedResource } from './plan-types.ts';

const registry = coreRegistry();
const opts = { stack: 'ml', project: 'default' };

function desired(kind: Kind, inputs: Record<string, unknown>, extra: Partial<DesiredResource> = {}): DesiredResource {
  const labels = { 'aicloud.dev/stack': 'ml', 'aicloud.dev/address': `${kind}/${String(inputs.name)}`, ...((inputs.labels as object) ?? {}) };
  const result = validate(kind, { ...inputs, labels });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return { kind, name: String(inputs.name), inputs: result.value as unknown as Record<string, unknown>, dependsOn: [], protect: false, ...extra };
}

function observed(d: DesiredResource, resourceVersion = 1, spec: Record<string, unknown> = {}): ObservedResource {
  return { kind: d.kind, name: d.name, spec: { ...d.inputs, ...spec }, resourceVersion, generation: 1 };
}

const cluster = (nodeCount: number, acceleratorType = 'ascend-910c') =>
  desired('Cluster', { name: 'train', zone: 'cn-southwest-2a', acceleratorType, nodeCount, placement: 'supernode' });
const bucket = (extra: Partial<DesiredResource> = {}) => desired('Bucket', { name: 'weights', region: 'cn-southwest-2' }, extra);
const pool = () =>
  desired('KvCachePool', { name: 'kv', region: 'cn-southwest-2', cluster: 'train', tiers: { hbmGib: 16, dramGib: 512 } }, { dependsOn: ['Cluster/train'] });

test('when nothing exists, every resource is created and waits for what it references', () => {
  const plan = buildPlan([cluster(16), pool()], [], registry, opts);
  assert.deepEqual(
    plan.steps.map((s) => [s.address, s.action, s.dependsOn]),
    [
      ['Cluster/train', 'create', []],
      ['KvCachePool/kv', 'create', ['Cluster/train']],
    ],
  );
  assert.deepEqual(plan.summary, { create: 2, update: 0, replace: 0, delete: 0, 'no-op': 0 });
  assert.equal(plan.placement?.requests[0]?.acceleratorCount, 128);
  assert.match(plan.steps[0]!.idempotencyKey!, /^aicloud-[0-9a-f]{40}$/);
  // 16 servers x 8 accelerators x 24 hours.
  assert.equal(plan.cost.after.acceleratorHoursPerDay, 16 * 8 * 24);
  assert.equal(plan.cost.before.hourlyCost, 0);
});

test('when nodeCount grows, the cluster is updated in place with a merge patch and a growth preview', () => {
  const before = cluster(16);
  const plan = buildPlan([cluster(24)], [observed(before, 7)], registry, opts);
  const step = plan.steps[0]!;
  assert.equal(step.action, 'update');
  assert.deepEqual(
    step.fields.map((f) => [f.path, f.old, f.new, f.impact]),
    [['nodeCount', 16, 24, 'update']],
  );
  assert.deepEqual(step.patch, { nodeCount: 24 });
  assert.deepEqual(step.prior, { resourceVersion: 7, generation: 1 });
  assert.deepEqual(plan.placement?.requests, [
    {
      address: 'Cluster/train',
      name: 'train',
      action: 'grow',
      zone: 'cn-southwest-2a',
      acceleratorType: 'ascend-910c',
      placement: 'supernode',
      nodeCount: 24,
      acceleratorCount: 64,
    },
  ]);
  assert.ok(plan.cost.after.hourlyCost > plan.cost.before.hourlyCost);
});

test('when the accelerator type changes, the core says replace and the plan follows', () => {
  const plan = buildPlan([cluster(16, 'ascend-910b')], [observed(cluster(16))], registry, opts);
  const step = plan.steps[0]!;
  assert.equal(step.action, 'replace');
  assert.equal(step.fields.find((f) => f.path === 'acceleratorType')?.impact, 'replace');
  // The old cluster's accelerators are released first, as apply deletes before it creates.
  assert.deepEqual(
    plan.placement?.requests.map((r) => [r.action, r.acceleratorType, r.acceleratorCount]),
    [
      ['release', undefined, 128],
      ['create', 'ascend-910b', 128],
    ],
  );
});

test('when a resource leaves the manifests it is deleted, after what references it', () => {
  const plan = buildPlan([], [observed(cluster(16)), observed(pool())], registry, opts);
  assert.deepEqual(
    plan.steps.map((s) => [s.address, s.action, s.dependsOn]),
    [
      ['KvCachePool/kv', 'delete', []],
      ['Cluster/train', 'delete', ['KvCachePool/kv']],
    ],
  );
  assert.equal(plan.cost.after.hourlyCost, 0);
});

test('a protected resource makes a prune or destroy fail instead', () => {
  const protectedBucket = desired('Bucket', { name: 'weights', region: 'cn-southwest-2', labels: { 'aicloud.dev/protect': 'true' } });
  const plan = buildPlan([], [observed(protectedBucket)], registry, opts);
  assert.deepEqual(
    plan.problems.map((p) => [p.code, p.address]),
    [['PROTECTED_RESOURCE', 'Bucket/weights']],
  );
  const destroy = buildPlan([protectedBucket], [observed(protectedBucket)], registry, { ...opts, destroy: true });
  assert.equal(destroy.steps[0]?.action, 'delete');
  assert.equal(destroy.problems[0]?.code, 'PROTECTED_RESOURCE');
});

test('unchanged resources are no-ops and the plan has no work', () => {
  const b = bucket();
  const plan = buildPlan([b], [observed(b)], registry, opts);
  assert.deepEqual(plan.summary, { create: 0, update: 0, replace: 0, delete: 0, 'no-op': 1 });
  assert.equal(plan.placement, undefined);
  assert.equal(plan.steps[0]?.patch, undefined);
});

test('a change the core forbids (a volume shrinking) is a plan problem', () => {
  const vol = (sizeGib: number) => desired('Volume', { name: 'scratch', zone: 'cn-southwest-2a', sizeGib });
  const plan = buildPlan([vol(100)], [observed(vol(200))], registry, opts);
  assert.equal(plan.problems[0]?.code, 'CANNOT_SHRINK');
  assert.equal(plan.problems[0]?.address, 'Volume/scratch');
});

test('the fingerprint moves with any resourceVersion and ignores list order', () => {
  const a = observed(cluster(16), 1);
  const b = observed(bucket(), 1);
  const f1 = buildPlan([], [a, b], registry, opts).fingerprint;
  assert.equal(buildPlan([], [b, a], registry, opts).fingerprint, f1);
  assert.notEqual(buildPlan([], [a, { ...b, resourceVersion: 2 }], registry, opts).fingerprint, f1);
  assert.notEqual(buildPlan([], [a], registry, opts).fingerprint, f1);
});

test('a resource whose create failed is replaced, one whose later change failed is updated again', () => {
  const b = bucket();
  const neverCameUp = buildPlan([b], [{ ...observed(b), status: 'failed', statusReason: 'injected failure' }], registry, opts);
  assert.equal(neverCameUp.steps[0]?.action, 'replace');
  assert.match(neverCameUp.steps[0]?.fields.find((f) => f.path === 'status')?.reason ?? '', /injected failure/);
  const c = cluster(8);
  const resizeFailed = buildPlan([c], [{ ...observed(c), generation: 2, status: 'failed', statusReason: 'resize failed' }], registry, opts);
  assert.equal(resizeFailed.steps[0]?.action, 'update');
  assert.equal(resizeFailed.summary['no-op'], 0);
});
