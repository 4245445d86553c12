import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudResource } from '../../../core/index.ts';
import type { Plan, PlanStep } from '../plan/index.ts';
import { cloudExecutor } from './execute-step.ts';
import { FakeStackCloud } from './testing/index.ts';
import { walkPlan } from './walk-plan.ts';

const CLUSTER = {
  name: 'train',
  zone: 'cn-southwest-2a',
  acceleratorType: 'ascend-910c',
  nodeCount: 1,
  placement: 'zone',
  labels: { 'aicloud.dev/stack': 's' },
};
const BIGGER = { ...CLUSTER, nodeCount: 2 };
const MOVED = { ...CLUSTER, zone: 'cn-southwest-2b' };

function step(action: PlanStep['action'], extra: Partial<PlanStep> = {}): PlanStep {
  return {
    address: 'Cluster/train',
    kind: 'Cluster',
    name: 'train',
    action,
    fields: [],
    deleteBeforeReplace: action === 'replace',
    dependsOn: [],
    protect: false,
    hourlyCost: { before: 0, after: 0 },
    accelerators: { before: 0, after: 0 },
    ...extra,
  };
}

const createStep = () => step('create', { inputs: CLUSTER, idempotencyKey: 'plan-key' });
const updateStep = (prior: CloudResource) =>
  step('update', { inputs: BIGGER, patch: { nodeCount: 2 }, prior: { resourceVersion: prior.resourceVersion, generation: prior.generation ?? 1 } });
const deleteStep = (prior: CloudResource) => step('delete', { prior: { resourceVersion: prior.resourceVersion, generation: prior.generation ?? 1 } });
const replaceStep = (prior: CloudResource) =>
  step('replace', { inputs: MOVED, idempotencyKey: 'plan-key', prior: { resourceVersion: prior.resourceVersion, generation: prior.generation ?? 1 } });

function plan(...steps: PlanStep[]): Plan {
  return {
    formatVersion: 1,
    stack: 's',
    project: 'p',
    fingerprint: 'f',
    destroy: false,
    refreshOnly: false,
    steps,
    problems: [],
    cost: { before: { hourlyCost: 0, acceleratorHoursPerDay: 0 }, after: { hourlyCost: 0, acceleratorHoursPerDay: 0 } },
    summary: { create: 0, update: 0, replace: 0, delete: 0, 'no-op': 0 },
  };
}

/** Applies the steps as `aicloud apply` does, without waiting between tries. */
async function apply(cloud: FakeStackCloud, ...steps: PlanStep[]) {
  const report = await walkPlan(plan(...steps), cloudExecutor(cloud, { sleep: async () => {}, keyNonce: 'n' }), { sleep: async () => {} });
  return { report, outcome: report.outcomes[0]! };
}

const writes = (cloud: FakeStackCloud) => cloud.calls.filter((c) => !c.startsWith('get '));
const only = (cloud: FakeStackCloud) => [...cloud.resources.values()];

test('a create whose operation failed is deleted and made again under a fresh key', async () => {
  const cloud = new FakeStackCloud();
  cloud.faults.push({ method: 'create', name: 'train', mode: 'operation' });
  const { report, outcome } = await apply(cloud, createStep());
  assert.equal(report.ok, true);
  assert.equal(outcome.attempts, 2);
  assert.deepEqual(writes(cloud), ['create Cluster/train key=plan-key', 'delete Cluster/train if-match=1', 'create Cluster/train key=plan-key-try3-n']);
  assert.deepEqual(
    only(cloud).map((r) => [r.name, r.status]),
    [['train', 'ready']],
  );
});

test('every failed create spends its key, so three failures in a row still converge', async () => {
  const cloud = new FakeStackCloud();
  for (let i = 0; i < 3; i++) cloud.faults.push({ method: 'create', name: 'train', mode: 'operation' });
  const { report } = await apply(cloud, createStep());
  assert.equal(report.ok, true);
  const keys = cloud.calls.filter((c) => c.startsWith('create ')).map((c) => c.split('key=')[1]);
  assert.equal(keys.length, 4);
  assert.equal(new Set(keys).size, 4, `a key was sent twice: ${keys.join(', ')}`);
  assert.equal(only(cloud)[0]?.status, 'ready');
});

test('a failed create that also fails its delete is deleted again on the next try', async () => {
  const cloud = new FakeStackCloud();
  cloud.faults.push({ method: 'create', name: 'train', mode: 'operation' }, { method: 'delete', name: 'train', mode: 'operation' });
  const { report } = await apply(cloud, createStep());
  assert.equal(report.ok, true);
  assert.equal(writes(cloud).filter((c) => c.startsWith('delete')).length, 2);
  assert.equal(only(cloud)[0]?.status, 'ready');
});

test('a create whose answer was lost is adopted, not made twice', async () => {
  const cloud = new FakeStackCloud();
  cloud.faults.push({ method: 'create', name: 'train', mode: 'lost-answer' });
  const { report, outcome } = await apply(cloud, createStep());
  assert.equal(report.ok, true);
  assert.equal(outcome.attempts, 2);
  assert.deepEqual(writes(cloud), ['create Cluster/train key=plan-key']);
  assert.equal(outcome.outputs?.status, 'ready');
});

test('a create still in progress when its answer was lost is waited for', async () => {
  const cloud = new FakeStackCloud();
  cloud.faults.push({ method: 'create', name: 'train', mode: 'busy', reads: 2 });
  const { report } = await apply(cloud, createStep());
  assert.equal(report.ok, true);
  assert.deepEqual(writes(cloud), ['create Cluster/train key=plan-key']);
  assert.equal(only(cloud)[0]?.status, 'ready');
});

test('a create that meets a resource someone else made with another spec is PLAN_STALE and leaves it alone', async () => {
  const cloud = new FakeStackCloud();
  cloud.seed('Cluster', BIGGER);
  const { outcome } = await apply(cloud, createStep());
  assert.equal(outcome.status, 'failed');
  assert.equal(outcome.error?.code, 'PLAN_STALE');
  assert.deepEqual(writes(cloud), ['create Cluster/train key=plan-key']);
  assert.equal(only(cloud)[0]?.spec.nodeCount, 2);
});

test('a create whose name is taken where the project cannot see it fails with ALREADY_EXISTS at once', async () => {
  const cloud = new FakeStackCloud();
  cloud.takenElsewhere.add('train');
  const { outcome } = await apply(cloud, createStep());
  assert.equal(outcome.error?.code, 'ALREADY_EXISTS');
  assert.equal(outcome.attempts, 1);
  assert.equal(cloud.calls.filter((c) => c.startsWith('create ')).length, 2);
});

test('an update whose operation failed is retried by sending the spec again with the current version', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.faults.push({ method: 'update', name: 'train', mode: 'operation' });
  const { report, outcome } = await apply(cloud, updateStep(prior));
  assert.equal(report.ok, true);
  assert.equal(outcome.attempts, 2);
  assert.deepEqual(writes(cloud), ['update Cluster/train {"nodeCount":2} if-match=1', 'update Cluster/train {} if-match=2']);
  assert.deepEqual(
    only(cloud).map((r) => [r.spec.nodeCount, r.status, r.generation]),
    [[2, 'ready', 2]],
  );
});

test('an update whose answer was lost is accepted without patching again', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.faults.push({ method: 'update', name: 'train', mode: 'lost-answer' });
  const { report, outcome } = await apply(cloud, updateStep(prior));
  assert.equal(report.ok, true);
  assert.deepEqual(writes(cloud), ['update Cluster/train {"nodeCount":2} if-match=1']);
  assert.equal(outcome.attempts, 2);
  assert.equal(outcome.outputs?.nodeCount, 2);
  assert.equal(only(cloud)[0]?.generation, 2);
});

test('an update still running when its answer was lost is waited for', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.faults.push({ method: 'update', name: 'train', mode: 'busy', reads: 3 });
  const { report, outcome } = await apply(cloud, updateStep(prior));
  assert.equal(report.ok, true);
  assert.equal(outcome.outputs?.status, 'ready');
  assert.deepEqual(writes(cloud), ['update Cluster/train {"nodeCount":2} if-match=1']);
  assert.ok(cloud.calls.filter((c) => c.startsWith('get ')).length >= 3, 'it did not wait for the running update');
});

test('an update whose If-Match went stale without a spec change patches again with the current version', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  // An operation settling moves the version but not the spec or generation.
  cloud.resources.get('Cluster/train')!.resourceVersion = 4;
  const { report } = await apply(cloud, updateStep(prior));
  assert.equal(report.ok, true);
  assert.deepEqual(writes(cloud), ['update Cluster/train {"nodeCount":2} if-match=1', 'update Cluster/train {"nodeCount":2} if-match=4']);
  assert.equal(only(cloud)[0]?.spec.nodeCount, 2);
});

test('an update never overwrites a change made after the plan: PLAN_STALE', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.changeBehindTheBack('Cluster', 'train', { ...CLUSTER, nodeCount: 3 });
  const { outcome } = await apply(cloud, updateStep(prior));
  assert.equal(outcome.status, 'failed');
  assert.equal(outcome.error?.code, 'PLAN_STALE');
  assert.equal(outcome.attempts, 1);
  assert.equal(only(cloud)[0]?.spec.nodeCount, 3);
});

test('an update of a resource deleted since the plan is PLAN_STALE', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.resources.clear();
  const { outcome } = await apply(cloud, { ...updateStep(prior), prior: { resourceVersion: 9, generation: 1 } });
  assert.equal(outcome.error?.code, 'NOT_FOUND');
  assert.equal(cloud.resources.size, 0);
});

test('a delete whose answer was lost is done once the resource is gone', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.faults.push({ method: 'delete', name: 'train', mode: 'lost-answer' });
  const { report, outcome } = await apply(cloud, deleteStep(prior));
  assert.equal(report.ok, true);
  assert.equal(outcome.attempts, 2);
  assert.equal(cloud.resources.size, 0);
});

test('a delete whose operation failed is sent again with the current version', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.faults.push({ method: 'delete', name: 'train', mode: 'operation' });
  const { report } = await apply(cloud, deleteStep(prior));
  assert.equal(report.ok, true);
  assert.deepEqual(writes(cloud), ['delete Cluster/train if-match=1', 'delete Cluster/train if-match=2']);
  assert.equal(cloud.resources.size, 0);
});

test('a delete still running is waited for until the resource is gone', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.resources.get('Cluster/train')!.resourceVersion = 2;
  cloud.faults.push({ method: 'delete', name: 'train', mode: 'busy', reads: 2 });
  const { report } = await apply(cloud, { ...deleteStep(prior), prior: { resourceVersion: 2, generation: 1 } });
  assert.equal(report.ok, true);
  assert.deepEqual(writes(cloud), ['delete Cluster/train if-match=2']);
  assert.ok(cloud.calls.filter((c) => c.startsWith('get ')).length >= 2, 'it did not wait for the running delete');
  assert.equal(cloud.resources.size, 0);
});

test('a delete never removes a resource changed after the plan: PLAN_STALE', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.changeBehindTheBack('Cluster', 'train', BIGGER);
  const { outcome } = await apply(cloud, deleteStep(prior));
  assert.equal(outcome.error?.code, 'PLAN_STALE');
  assert.equal(cloud.resources.size, 1);
});

test('a replace whose delete failed deletes the old resource again, then creates', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.faults.push({ method: 'delete', name: 'train', mode: 'operation' });
  const { report } = await apply(cloud, replaceStep(prior));
  assert.equal(report.ok, true);
  assert.deepEqual(writes(cloud), ['delete Cluster/train if-match=1', 'delete Cluster/train if-match=2', 'create Cluster/train key=plan-key']);
  assert.deepEqual(
    only(cloud).map((r) => [r.spec.zone, r.status]),
    [['cn-southwest-2b', 'ready']],
  );
});

test('a replace whose new resource failed makes it again under a fresh key', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.faults.push({ method: 'create', name: 'train', mode: 'operation' });
  const { report } = await apply(cloud, replaceStep(prior));
  assert.equal(report.ok, true);
  assert.deepEqual(writes(cloud), [
    'delete Cluster/train if-match=1',
    'create Cluster/train key=plan-key',
    'delete Cluster/train if-match=1',
    'create Cluster/train key=plan-key-try3-n',
  ]);
  assert.deepEqual(
    only(cloud).map((r) => [r.spec.zone, r.status]),
    [['cn-southwest-2b', 'ready']],
  );
});

test('a replace of a resource changed after the plan is PLAN_STALE and deletes nothing', async () => {
  const cloud = new FakeStackCloud();
  const prior = cloud.seed('Cluster', CLUSTER);
  cloud.changeBehindTheBack('Cluster', 'train', BIGGER);
  const { outcome } = await apply(cloud, replaceStep(prior));
  assert.equal(outcome.error?.code, 'PLAN_STALE');
  assert.deepEqual(writes(cloud), ['delete Cluster/train if-match=1']);
  assert.equal(only(cloud)[0]?.spec.nodeCount, 2);
});
