// One stack through its life with the real `pulumi` CLI (Automation API, inline program, file backend),
// the provider found through the project's `plugins.providers`, against a control plane on port 0.
// The tests run in order and share the stack, like the commands of one user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineEvent } from '@pulumi/pulumi/automation/index.js';
import { unknownValue } from '@pulumi/pulumi/runtime/rpc.js';
import { startTestCloud, type TestCloud } from '../pulumi/harness/control-plane.ts';
import { findSecrets, readTree } from '../support/secret-scan.ts';
import { cliStack, type CliStack } from './support/workspace.ts';
import { smallStack, type SmallStackParams } from './support/programs.ts';
import { stateResources } from './support/state.ts';
import { stepsOf } from './support/events.ts';

let cloud: TestCloud;
let cli: CliStack;
const cleanups: (() => void | Promise<void>)[] = [];
const BATCH = { nodeCount: 1, acceleratorType: 'ascend-910c' } as const;

before(async () => {
  cloud = await startTestCloud();
  cli = await cliStack({ after: (fn) => cleanups.push(fn) }, { program: smallStack({ batch: BATCH }), cloud: { url: cloud.url, token: cloud.token } });
});

after(async () => {
  for (const fn of cleanups.reverse()) await fn();
  await cloud?.close();
});

function use(params: SmallStackParams): void {
  cli.stack.workspace.program = smallStack(params);
}

async function invariants(): Promise<void> {
  assert.deepEqual(await cloud.admin('GET', '/v1/admin/invariants'), { ok: true, violations: [] });
}

test('preview with unknowns: the endpoint of a new cluster previews with its cluster unknown, and nothing is created', async () => {
  const events: EngineEvent[] = [];
  const preview = await cli.stack.preview({ onEvent: (e) => events.push(e) });
  assert.deepEqual(preview.changeSummary, { create: 5 });
  const chat = stepsOf(events).find((s) => s.name === 'chat')!;
  assert.equal(chat.op, 'create');
  assert.equal(chat.new?.inputs.cluster, unknownValue, 'the cluster id is an output of a resource not yet created');
  assert.equal(chat.new?.inputs.region, 'cn-southwest-2', 'known inputs stay known');
  assert.deepEqual(await cloud.client.list('Cluster'), []);
  assert.deepEqual(await cloud.client.list('ModelEndpoint'), []);
});

test('up creates the stack in the cloud', async () => {
  const up = await cli.stack.up();
  assert.equal(up.summary.result, 'succeeded');
  assert.deepEqual(up.summary.resourceChanges, { create: 5 });
  const state = await stateResources(cli.stack);
  assert.equal(state.get('serve')?.id, 'serve-a');
  assert.equal(state.get('chat')?.outputs?.cluster, 'serve-a');
  assert.equal(state.get('batch')?.outputs?.status, 'ready');
  assert.equal(up.outputs.batchAccelerators.value, 8);
  assert.equal((await cloud.client.get('ModelEndpoint', 'chat'))?.status, 'ready');
  await invariants();
});

test('secrets stay secret: the API key output and the provider token never appear in plain text under the backend', async () => {
  const apiKey = (await cloud.client.get('ModelEndpoint', 'chat'))?.outputs?.apiKey;
  assert.equal(typeof apiKey, 'string');
  const outputs = await cli.stack.outputs();
  assert.equal(outputs.endpointApiKey.secret, true);
  assert.equal(outputs.endpointApiKey.value, apiKey);
  const state = JSON.parse(cli.stateFile());
  assert.ok(JSON.stringify(state).includes('"ciphertext"'), 'secrets are stored encrypted');
  assert.deepEqual(findSecrets({ apiKey: apiKey as string, token: cloud.token }, { ...readTree(cli.backendDir), ...readTree(cli.workDir) }), []);
});

test('a second up with the same program changes nothing (expectNoChanges)', async () => {
  const up = await cli.stack.up({ expectNoChanges: true });
  assert.deepEqual(up.summary.resourceChanges, { same: 5 });
});

test('an in-place update of the endpoint keeps its API key secret', async () => {
  use({ batch: BATCH, replicas: 2 });
  const up = await cli.stack.up();
  assert.deepEqual(up.summary.resourceChanges, { same: 4, update: 1 });
  assert.equal(up.outputs.endpointApiKey.secret, true);
  assert.equal((await cloud.client.get('ModelEndpoint', 'chat'))?.spec.replicas, 2);
  const chat = (JSON.parse(cli.stateFile()).checkpoint.latest.resources as { urn: string; outputs: Record<string, unknown> }[]).find((r) =>
    r.urn.endsWith('::chat'),
  )!;
  assert.ok(JSON.stringify(chat.outputs.apiKey).includes('"ciphertext"'), 'the state file holds the API key encrypted');
});

test('in-place update: a cluster that grows is updated, not replaced', async () => {
  use({ batch: { ...BATCH, nodeCount: 2 }, replicas: 2 });
  const events: EngineEvent[] = [];
  const up = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.deepEqual(up.summary.resourceChanges, { same: 4, update: 1 });
  const batch = stepsOf(events).find((s) => s.name === 'batch')!;
  assert.equal(batch.op, 'update');
  assert.deepEqual(Object.keys(batch.detailedDiff ?? {}), ['nodeCount']);
  assert.equal((await cloud.client.get('Cluster', 'batch-a'))?.spec.nodeCount, 2);
  assert.equal(up.outputs.batchAccelerators.value, 16);
  await invariants();
});

test('replacement: a new accelerator type replaces the cluster', async () => {
  use({ batch: { nodeCount: 2, acceleratorType: 'ascend-910b' }, replicas: 2 });
  const events: EngineEvent[] = [];
  const up = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.deepEqual(up.summary.resourceChanges, { same: 4, replace: 1 });
  const ops = stepsOf(events)
    .filter((s) => s.name === 'batch')
    .map((s) => s.op);
  // Same name in the cloud: the provider asks for delete-before-replace.
  assert.deepEqual(ops, ['delete-replaced', 'replace', 'create-replacement']);
  assert.equal((await cloud.client.get('Cluster', 'batch-a'))?.spec.acceleratorType, 'ascend-910b');
  await invariants();
});

test('refresh after an out-of-band change records what the cloud holds; the next up puts the program back', async () => {
  await cloud.client.update('Cluster', 'batch-a', { nodeCount: 3 });
  const refresh = await cli.stack.refresh();
  assert.equal(refresh.summary.result, 'succeeded');
  // Only the changed cluster: nothing computed (allocation, timestamps) shows as drift.
  assert.deepEqual(refresh.summary.resourceChanges, { same: 4, update: 1 });
  const batch = (await stateResources(cli.stack)).get('batch')!;
  assert.equal(batch.outputs?.nodeCount, 3);
  const up = await cli.stack.up();
  assert.deepEqual(up.summary.resourceChanges, { same: 4, update: 1 });
  assert.equal((await cloud.client.get('Cluster', 'batch-a'))?.spec.nodeCount, 2);
});

test('refresh after an out-of-band delete drops the resource from state without an error; the next up creates it again', async () => {
  await cloud.client.delete('Cluster', 'batch-a');
  const refresh = await cli.stack.refresh();
  assert.equal(refresh.summary.result, 'succeeded');
  assert.deepEqual(refresh.summary.resourceChanges, { same: 4, delete: 1 });
  assert.equal((await stateResources(cli.stack)).has('batch'), false);
  const up = await cli.stack.up();
  assert.deepEqual(up.summary.resourceChanges, { same: 4, create: 1 });
  assert.ok(await cloud.client.get('Cluster', 'batch-a'));
});

test('replacement under a new name creates the new cluster before it deletes the old one', async () => {
  use({ batch: { nodeCount: 2, acceleratorType: 'ascend-910b', name: 'batch-b' }, replicas: 2 });
  const events: EngineEvent[] = [];
  const up = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.deepEqual(up.summary.resourceChanges, { same: 4, replace: 1 });
  const ops = stepsOf(events)
    .filter((s) => s.name === 'batch')
    .map((s) => s.op);
  assert.deepEqual(ops, ['create-replacement', 'replace', 'delete-replaced']);
  assert.equal(await cloud.client.get('Cluster', 'batch-a'), undefined);
  assert.equal((await cloud.client.get('Cluster', 'batch-b'))?.status, 'ready');
  await invariants();
});

test('destroy removes everything from the cloud and the state, and tolerates what is already gone', async () => {
  const apiKey = (await cloud.client.get('ModelEndpoint', 'chat'))?.outputs?.apiKey as string;
  await cloud.client.delete('Cluster', 'batch-b');
  const destroy = await cli.stack.destroy();
  assert.equal(destroy.summary.result, 'succeeded');
  for (const kind of ['Cluster', 'Bucket', 'ModelEndpoint'] as const) assert.deepEqual(await cloud.client.list(kind), [], kind);
  assert.equal((await stateResources(cli.stack)).size, 0);
  await invariants();
  // Every checkpoint the backend kept (history, backups) of every command above.
  assert.deepEqual(findSecrets({ apiKey, token: cloud.token }, readTree(cli.backendDir)), []);
});
