import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { UNKNOWN } from '../../core/index.ts';
import { Engine } from './harness/engine.ts';
import { Secret } from './harness/engine-values.ts';
import { startPlugin } from './harness/plugin-process.ts';
import type { PluginProcess } from './harness/plugin-process.ts';
import { startTestCloud } from './harness/control-plane.ts';
import type { TestCloud } from './harness/control-plane.ts';
import { stack, withChange } from './fixtures/stack.ts';

// One stack through its whole life, driven over gRPC in the engine's order against a control plane on port 0.
// The tests run in sequence and share the state, like the commands of one user.
let cloud: TestCloud;
let plugin: PluginProcess;
let engine: Engine;

const CLUSTER = 'aicloud:compute:Cluster';
const urnOf = (name: string) => [...engine.state.keys()].find((u) => u.endsWith(`::${name}`))!;

before(async () => {
  cloud = await startTestCloud();
  plugin = await startPlugin({ AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: '', AICLOUD_LOG: 'debug' });
  engine = new Engine(plugin.port);
  const { checkFailures } = await engine.configure({ endpoint: cloud.url, token: new Secret(cloud.token), project: 'default' });
  assert.deepEqual(checkFailures, []);
});

after(async () => {
  engine?.close();
  await plugin?.stop();
  await cloud?.close();
});

async function invariants(): Promise<void> {
  const res = await cloud.admin<{ ok: boolean; violations: unknown[] }>('GET', '/v1/admin/invariants');
  assert.deepEqual(res, { ok: true, violations: [] });
}

test('preview with unknowns: computed outputs unknown, inputs known, nothing created', async () => {
  // The endpoint's cluster name comes from another resource's output, unknown in a first preview.
  const program = withChange(stack(), 'deepseek-r1', (i) => ({ ...i, cluster: UNKNOWN }));
  const steps = await engine.up(program, { preview: true });
  assert.deepEqual(steps.map((s) => s.op), ['create', 'create', 'create', 'create', 'create', 'create']);
  const cluster = steps[0].outputs!;
  assert.equal(cluster.nodeCount, 32);
  assert.equal(cluster.allocation, UNKNOWN);
  assert.equal(cluster.status, UNKNOWN);
  const endpoint = steps[5].outputs!;
  assert.equal(endpoint.cluster, UNKNOWN);
  assert.equal(endpoint.url, UNKNOWN);
  assert.deepEqual(await cloud.client.list('Cluster'), []);
  assert.equal(engine.state.size, 0);
});

test('up creates the stack; secret outputs stay secret', async () => {
  const steps = await engine.up(stack(), { timeout: 600 });
  assert.deepEqual(steps.map((s) => s.op), ['create', 'create', 'create', 'create', 'create', 'create']);
  const train = engine.state.get(urnOf('train-a'))!;
  assert.equal(train.id, 'train-a');
  assert.equal(train.outputs.status, 'ready');
  const allocation = train.outputs.allocation as { supernodes: string[]; acceleratorCount: number };
  assert.equal(allocation.supernodes.length, 1, 'placement supernode keeps the cluster in one supernode');
  assert.equal(allocation.acceleratorCount, 256);
  const endpoint = engine.state.get(urnOf('deepseek-r1'))!;
  assert.ok(endpoint.outputs.apiKey instanceof Secret, 'apiKey is wrapped as a secret');
  assert.equal(typeof endpoint.outputs.url, 'string');
  assert.ok(!plugin.stderr().includes(String((endpoint.outputs.apiKey as Secret).value)), 'the API key is never logged');
  assert.ok(!plugin.stderr().includes(cloud.token), 'the token is never logged');
  await invariants();
});

test('no-op: the same program again shows no diff for any resource', async () => {
  const steps = await engine.up(stack());
  assert.deepEqual(steps.map((s) => s.op), ['same', 'same', 'same', 'same', 'same', 'same']);
});

test('update in place: autoscaling bounds change with UPDATE, no replacement', async () => {
  const program = withChange(stack(), 'deepseek-r1', (i) => ({ ...i, autoscaling: { ...(i.autoscaling as object), maxReplicas: 3 } }));
  const steps = await engine.up(program);
  const step = steps.find((s) => s.urn.endsWith('deepseek-r1'))!;
  assert.equal(step.op, 'update');
  assert.deepEqual(step.diff!.detailed, { 'autoscaling.maxReplicas': 'UPDATE' });
  assert.deepEqual(step.diff!.replaces, []);
  assert.equal((engine.state.get(urnOf('deepseek-r1'))!.outputs.autoscaling as { maxReplicas: number }).maxReplicas, 3);
  assert.deepEqual((await engine.up(program)).map((s) => s.op), ['same', 'same', 'same', 'same', 'same', 'same']);
});

test('replace with deleteBeforeReplace: a new placement under the same name deletes the old cluster first', async () => {
  const program = withChange(stack(), 'train-a', (i) => ({ ...i, placement: 'spread' }));
  const before = engine.client.calls.length;
  const steps = await engine.up(withChange(program, 'deepseek-r1', (i) => ({ ...i, autoscaling: { ...(i.autoscaling as object), maxReplicas: 3 } })));
  const step = steps.find((s) => s.urn.endsWith('train-a'))!;
  assert.equal(step.op, 'replace');
  assert.deepEqual(step.diff!.replaces, ['placement']);
  assert.deepEqual(step.diff!.detailed, { placement: 'UPDATE_REPLACE' });
  assert.equal(step.diff!.deleteBeforeReplace, true);
  const calls = engine.client.calls.slice(before);
  assert.ok(calls.indexOf('delete') < calls.lastIndexOf('create'), `delete before create: ${calls.join(',')}`);
  const cluster = await cloud.client.get('Cluster', 'train-a');
  assert.equal(cluster?.spec.placement, 'spread');
  await invariants();
});

test('replace without deleteBeforeReplace: a renamed bucket is created before the old one is deleted', async () => {
  const base = withChange(withChange(stack(), 'train-a', (i) => ({ ...i, placement: 'spread' })), 'deepseek-r1', (i) => ({ ...i, autoscaling: { ...(i.autoscaling as object), maxReplicas: 3 } }));
  const program = withChange(base, 'fm-weights-deepseek', (i) => ({ ...i, name: 'fm-weights-deepseek-v2' }));
  const before = engine.client.calls.length;
  const steps = await engine.up(program);
  const step = steps.find((s) => s.urn.endsWith('fm-weights-deepseek'))!;
  assert.equal(step.op, 'replace');
  assert.deepEqual(step.diff!.replaces, ['name']);
  assert.equal(step.diff!.deleteBeforeReplace, false);
  const calls = engine.client.calls.slice(before);
  assert.ok(calls.lastIndexOf('create') < calls.lastIndexOf('delete'), `create before delete: ${calls.join(',')}`);
  assert.equal(await cloud.client.get('Bucket', 'fm-weights-deepseek'), undefined);
  assert.ok(await cloud.client.get('Bucket', 'fm-weights-deepseek-v2'));
});

test('refresh with drift: an out-of-band scale shows in state, and the next up puts it back', async () => {
  await cloud.client.update('Cluster', 'infer-a', { nodeCount: 10 });
  const steps = await engine.refresh();
  assert.ok(steps.every((s) => s.op === 'read'));
  const infer = engine.state.get(urnOf('infer-a'))!;
  assert.equal(infer.outputs.nodeCount, 10);
  assert.equal(infer.inputs.nodeCount, 10, 'Read returns the inputs the cloud holds');
  const program = withChange(withChange(withChange(stack(), 'train-a', (i) => ({ ...i, placement: 'spread' })), 'deepseek-r1', (i) => ({ ...i, autoscaling: { ...(i.autoscaling as object), maxReplicas: 3 } })), 'fm-weights-deepseek', (i) => ({ ...i, name: 'fm-weights-deepseek-v2' }));
  const up = await engine.up(program);
  const step = up.find((s) => s.urn.endsWith('infer-a'))!;
  assert.equal(step.op, 'update');
  assert.deepEqual(step.diff!.detailed, { nodeCount: 'UPDATE' });
  assert.equal((await cloud.client.get('Cluster', 'infer-a'))?.spec.nodeCount, 8);
  await invariants();
});

test('refresh after an out-of-band delete drops the resource; the next up creates it again', async () => {
  await cloud.client.delete('FileSystem', 'ckpt-train-a');
  const steps = await engine.refresh();
  assert.deepEqual(steps.filter((s) => s.op === 'delete').map((s) => s.urn.split('::').pop()), ['ckpt-train-a']);
  assert.equal(engine.state.has(urnOf('train-a')), true);
  assert.equal([...engine.state.keys()].some((u) => u.endsWith('::ckpt-train-a')), false);
  const program = withChange(withChange(withChange(stack(), 'train-a', (i) => ({ ...i, placement: 'spread' })), 'deepseek-r1', (i) => ({ ...i, autoscaling: { ...(i.autoscaling as object), maxReplicas: 3 } })), 'fm-weights-deepseek', (i) => ({ ...i, name: 'fm-weights-deepseek-v2' }));
  const up = await engine.up(program);
  assert.equal(up.find((s) => s.urn.endsWith('ckpt-train-a'))!.op, 'create');
  assert.ok(await cloud.client.get('FileSystem', 'ckpt-train-a'));
});

test('import: Read with empty inputs, then Check and Diff show no change', async () => {
  const declared = { type: 'aicloud:storage:Volume', name: 'scratch', inputs: { name: 'scratch', zone: 'cn-southwest-2a', sizeGib: 100, labels: { team: 'serving' } } };
  await cloud.client.create('Volume', declared.inputs);
  const before = engine.client.calls.length;
  const diff = await engine.import(declared, 'scratch');
  assert.deepEqual(engine.client.calls.slice(before), ['read', 'check', 'diff']);
  assert.equal(diff.changes, 'none', JSON.stringify(diff));
  const imported = engine.state.get(engine.urn('aicloud:storage:Volume', 'scratch'))!;
  assert.equal(imported.inputs.sizeGib, 100);
  // A program that differs from the cloud makes the import fail with the differing field named.
  const other = await engine.import({ ...declared, name: 'scratch-2', inputs: { ...declared.inputs, sizeGib: 200 } }, 'scratch');
  assert.deepEqual(other.detailed, { sizeGib: 'UPDATE' });
});

test('Read of a resource that is gone answers with an empty id', async () => {
  const read = await engine.read(CLUSTER, 'ghost', 'ghost-cluster', { name: 'ghost-cluster' }, { name: 'ghost-cluster' });
  assert.equal(read.id, '');
});

test('destroy deletes everything in reverse order, releases every accelerator, and tolerates what is already gone', async () => {
  await cloud.client.delete('Volume', 'scratch');
  await engine.destroy();
  for (const kind of ['Cluster', 'FileSystem', 'Bucket', 'KvCachePool', 'ModelEndpoint', 'Volume'] as const) {
    assert.deepEqual(await cloud.client.list(kind), [], kind);
  }
  await invariants();
  const { zones } = await engine.invoke('aicloud:compute:getCapacity', { zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c' });
  const [zone] = zones as { free: number; total: number; largestFreeBlock: number }[];
  assert.equal(zone.free, zone.total, 'every accelerator is free again');
});

test('Invoke: functions answer from the cloud and refuse bad arguments with failures', async () => {
  const types = (await engine.invoke('aicloud:compute:getAcceleratorTypes', {})).types as { name: string }[];
  assert.ok(types.some((t) => t.name === 'ascend-910c'));
  const bad = await engine.invokeFailures('aicloud:compute:getCapacity', { acceleratorType: 'tpu-v9' });
  assert.deepEqual(bad.map((f) => f.property), ['acceleratorType']);
});
