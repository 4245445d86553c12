// Clusters in a queue under the real `pulumi` CLI, the provider found on PATH: `up` waits while a queued
// cluster is pending and finishes once capacity frees; a cluster that stays pending fails at its
// customTimeouts.create with the reason and its id, and is kept in state as Pulumi keeps init failures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { startTestCloud, type TestCloud } from '../pulumi/harness/control-plane.ts';
import { until } from '../queues/fragments.ts';
import { cliStack, type CliStack } from './support/workspace.ts';
import { loadSdk } from './support/sdk.ts';
import { stateResources } from './support/state.ts';
import { whenStepStarts } from './support/events.ts';
import { ZONE } from './support/programs.ts';

let cloud: TestCloud;
let cli: CliStack;
const cleanups: (() => void | Promise<void>)[] = [];

/** A queue for ascend-910b and the queued clusters named; `stuck` waits with a one-second create timeout. */
function queued(names: string[]): PulumiFn {
  return async () => {
    const aicloud = loadSdk();
    const queue = new aicloud.compute.Queue('training', { name: 'training', quotas: [{ acceleratorType: 'ascend-910b', nominal: 512 }] });
    for (const name of names) {
      const nodeCount = name === 'stuck' ? 32 : 4;
      new aicloud.compute.Cluster(name, { name, zone: ZONE, acceleratorType: 'ascend-910b', nodeCount, placement: 'zone', queue: queue.name }, name === 'stuck' ? { customTimeouts: { create: '1s' } } : {});
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
  const pending = await until(() => cloud.client.get('Cluster', 'waiter'), (c) => c?.status === 'pending', 'the cluster waiting in its queue', 20_000);
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
  cli.stack.workspace.program = queued(['waiter', 'stuck']);
  const failure = await cli.stack.up().then(
    () => assert.fail('the 32-server cluster cannot be admitted while 4 servers are held'),
    (err: Error) => err,
  );
  assert.match(failure.message, /Cluster stuck was created but did not become ready \(pending: waiting for [^)]*\): .*OPERATION_TIMEOUT/);
  const stuck = (await stateResources(cli.stack)).get('stuck');
  assert.ok(stuck, 'the engine keeps the resource it was told about');
  assert.equal(stuck.id, 'stuck');
  assert.equal(stuck.outputs?.status, 'pending');
  assert.ok(stuck.initErrors?.some((e) => /pending: waiting for/.test(e)), JSON.stringify(stuck.initErrors));
  assert.equal((await cloud.client.get('Cluster', 'stuck'))?.status, 'pending');
});

test('destroy removes the queued clusters, the pending one included, and the queue', async () => {
  await cli.stack.destroy();
  assert.deepEqual(await cloud.client.list('Cluster'), []);
  assert.deepEqual(await cloud.client.list('Queue'), []);
  assert.equal((await stateResources(cli.stack)).size, 0);
});
