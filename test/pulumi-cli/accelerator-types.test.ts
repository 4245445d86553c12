// A cluster listing several accelerator types under the real `pulumi` CLI: with the preferred type full,
// `up` places it on the next listed type and the `acceleratorType` output names it; reordering the list,
// or dropping a type it does not run on, updates it in place; dropping the type it runs on replaces it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineEvent, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { startTestCloud, type TestCloud } from '../pulumi/harness/control-plane.ts';
import { cliStack, type CliStack } from './support/workspace.ts';
import { loadSdk } from './support/sdk.ts';
import { stateResources } from './support/state.ts';
import { stepsOf } from './support/events.ts';

const ZONE = 'cn-southwest-2b';

let cloud: TestCloud;
let cli: CliStack;
const cleanups: (() => void | Promise<void>)[] = [];

/** One cluster accepting `types`, most preferred first; the type it runs on is a stack output. */
function either(types: string[]): PulumiFn {
  return async () => {
    const aicloud = loadSdk();
    const cluster = new aicloud.compute.Cluster('either', { name: 'either', zone: ZONE, acceleratorTypes: types, nodeCount: 2, placement: 'zone' });
    return { chosen: cluster.acceleratorType };
  };
}

/** The engine's step for the cluster in a command's events. */
function clusterStep(events: EngineEvent[]) {
  const steps = stepsOf(events).filter((s) => s.name === 'either');
  assert.equal(steps.length, 1, JSON.stringify(steps.map((s) => s.op)));
  return steps[0]!;
}

before(async () => {
  cloud = await startTestCloud();
  // Every nvidia-h200 server of the zone is taken, outside the stack, so the first listed type cannot fit.
  const servers = (await cloud.admin<{ servers: unknown[] }>('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).servers.length;
  await cloud.client.create('Cluster', { name: 'all-h200', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: servers, placement: 'zone' });
  cli = await cliStack(
    { after: (fn) => cleanups.push(fn) },
    { program: either(['nvidia-h200', 'ascend-910c']), cloud: { url: cloud.url, token: cloud.token }, lookup: 'path' },
  );
});

after(async () => {
  for (const fn of cleanups.reverse()) await fn();
  await cloud?.close();
});

test('up places the cluster on the second listed type when the first cannot fit, and the output says so', async () => {
  const up = await cli.stack.up();
  assert.deepEqual(up.summary.resourceChanges, { create: 2 });
  assert.equal(up.outputs.chosen?.value, 'ascend-910c');
  const state = (await stateResources(cli.stack)).get('either')!;
  assert.equal(state.outputs?.acceleratorType, 'ascend-910c');
  assert.equal(state.outputs?.acceleratorCount, 16);
  assert.equal((await cloud.client.get('Cluster', 'either'))?.outputs?.acceleratorType, 'ascend-910c');
});

test('reordering the list updates the cluster in place: same id, same type', async () => {
  const before = (await stateResources(cli.stack)).get('either')!;
  cli.stack.workspace.program = either(['ascend-910c', 'nvidia-h200']);
  const events: EngineEvent[] = [];
  const up = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.equal(clusterStep(events).op, 'update');
  assert.deepEqual(up.summary.resourceChanges, { same: 1, update: 1 });
  const after = (await stateResources(cli.stack)).get('either')!;
  assert.equal(after.id, before.id);
  assert.equal(after.outputs?.acceleratorType, 'ascend-910c');
});

test('dropping the type it does not run on updates it in place', async () => {
  cli.stack.workspace.program = either(['ascend-910c']);
  const events: EngineEvent[] = [];
  const up = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.equal(clusterStep(events).op, 'update');
  assert.deepEqual(up.summary.resourceChanges, { same: 1, update: 1 });
  assert.equal(up.outputs.chosen?.value, 'ascend-910c');
  assert.deepEqual((await cloud.client.get('Cluster', 'either'))?.spec.acceleratorTypes, ['ascend-910c']);
});

test('dropping the type it runs on is previewed as a replacement', async () => {
  // Room on nvidia-h200 again, so the replacement's placement preview fits.
  await cloud.client.delete('Cluster', 'all-h200');
  cli.stack.workspace.program = either(['nvidia-h200']);
  const events: EngineEvent[] = [];
  const preview = await cli.stack.preview({ onEvent: (e) => events.push(e) });
  assert.equal(preview.changeSummary.replace, 1, JSON.stringify(preview.changeSummary));
  const ops = stepsOf(events)
    .filter((s) => s.name === 'either')
    .map((s) => s.op);
  assert.ok(ops.includes('replace'), JSON.stringify(ops));
});
