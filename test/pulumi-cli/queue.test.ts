// Clusters in a queue under the real `pulumi` CLI, the provider found on PATH: `up` waits while a queued
// cluster is pending and finishes once capacity frees; a cluster that stays pending fails at its
// customTimeouts.create with the reason and its id, and is kept in state as Pulumi keeps init failures;
// the next `up` waits for it again and, once capacity frees, finds it admitted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineEvent, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { startTestCloud, type TestCloud } from '../pulumi/harness/control-plane.ts';
import { until } from '../queues/fragments.ts';
import { cliStack, type CliStack } from './support/workspace.ts';
import { loadSdk } from './support/sdk.ts';
import { stateResources } from './support/state.ts';
import { stepsOf, whenStepStarts } from './support/events.ts';
import { ZONE } from './support/programs.ts';

let cloud: TestCloud;
let cli: CliStack;
const cleanups: (() => void | Promise<void>)[] = [];

/** A queue for ascend-910b and the queued clusters named; `stuck` (28 servers) has one-second timeouts. */
function queued(names: string[]): PulumiFn {
  return async () => {
    const aicloud = loadSdk();
    const queue = new aicloud.compute.Queue('training', { name: 'training', quotas: [{ acceleratorType: 'ascend-910b', nominal: 512 }] });
    for (const name of names) {
      const nodeCount = name === 'stuck' ? 28 : 4;
      new aicloud.compute.Cluster(
        name,
        { name, zone: ZONE, acceleratorType: 'ascend-910b', nodeCount, placement: 'zone', queue: queue.name },
        name === 'stuck' ? { customTimeouts: { create: '1s', update: '1s' } } : {},
      );
    }
  };
}

before(async () => {
  cloud = await startTestCloud();
  cli = await cliStack({ after: (fn) => cleanups.push(fn) }, { program: queued(['waiter']), cloud: { url: cloud.url, token: cloud.token }, lookup: 'path' });
  // Every ascend-910b server of the zone is taken, outside the stack.
  await cloud.client.create('Cluster', { name: 'filler', zone: ZONE, acceleratorType: 'ascend-910b', nodeCount: 32, placement: 'zone' });
});

after(async () => {
  for (const fn of cleanups.reverse()) await fn();
  await cloud?.close();
});

test('a queued cluster waits while up runs and is admitted once capacity frees', async () => {
  const step = whenStepStarts('waiter', 'create');
  const up = cli.stack.up({ onEvent: step.onEvent });
  await step.started;
  const pending = await until(
    () => cloud.client.get('Cluster', 'waiter'),
    (c) => c?.status === 'pending',
    'the cluster waiting in its queue',
    20_000,
  );
  assert.match(String(pending?.statusReason), /waiting for/);
  // Capacity frees while the create is in flight.
  await cloud.client.delete('Cluster', 'filler');
  const result = await up;
  assert.deepEqual(result.summary.resourceChanges, { create: 3 });
  const waiter = (await stateResources(cli.stack)).get('waiter')!;
  assert.equal(waiter.outputs?.status, 'ready');
  assert.equal(waiter.outputs?.acceleratorCount, 32);
});

test('a queued cluster that stays pending fails at its create timeout with the reason and its id, and stays in state', async () => {
  // 4 of the zone's 32 servers are the waiter's; another 4 go outside the stack, so 28 do not fit.
  await cloud.client.create('Cluster', { name: 'blocker', zone: ZONE, acceleratorType: 'ascend-910b', nodeCount: 4, placement: 'zone' });
  cli.stack.workspace.program = queued(['waiter', 'stuck']);
  const failure = await cli.stack.up().then(
    () => assert.fail('the 28-server cluster cannot be admitted while 8 servers are held'),
    (err: Error) => err,
  );
  assert.match(failure.message, /Cluster stuck was created but did not become ready \(pending: waiting for [^)]*\): .*OPERATION_TIMEOUT/);
  const stuck = (await stateResources(cli.stack)).get('stuck');
  assert.ok(stuck, 'the engine keeps the resource it was told about');
  assert.equal(stuck.id, 'stuck');
  assert.equal(stuck.outputs?.status, 'pending');
  assert.ok(
    stuck.initErrors?.some((e) => /pending: waiting for/.test(e)),
    JSON.stringify(stuck.initErrors),
  );
  assert.equal((await cloud.client.get('Cluster', 'stuck'))?.status, 'pending');
});

test('the next up waits for the pending cluster again, up to its update timeout, instead of sending an empty change', async () => {
  const failure = await cli.stack.up().then(
    () => assert.fail('the cluster is still pending'),
    (err: Error) => err,
  );
  assert.match(failure.message, /Cluster stuck was changed but did not become ready \(pending: waiting for [^)]*\): .*OPERATION_TIMEOUT/);
  assert.ok((await stateResources(cli.stack)).get('stuck')?.initErrors?.length);
});

test('once capacity frees, the next up finds the cluster admitted and clears its init errors', async () => {
  await cloud.client.delete('Cluster', 'blocker');
  const events: EngineEvent[] = [];
  const up = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.deepEqual(up.summary.resourceChanges, { same: 3, update: 1 });
  assert.deepEqual(
    stepsOf(events)
      .filter((s) => s.name === 'stuck')
      .map((s) => s.op),
    ['update'],
  );
  const stuck = (await stateResources(cli.stack)).get('stuck')!;
  assert.equal(stuck.outputs?.status, 'ready');
  assert.equal(stuck.outputs?.acceleratorCount, 28 * 8);
  assert.equal(stuck.initErrors, undefined);
});

test('destroy removes the queued clusters, the pending one included, and the queue', async () => {
  await cli.stack.destroy();
  assert.deepEqual(await cloud.client.list('Cluster'), []);
  assert.deepEqual(await cloud.client.list('Queue'), []);
  assert.equal((await stateResources(cli.stack)).size, 0);
});
