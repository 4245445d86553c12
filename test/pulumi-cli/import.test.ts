// Importing a cluster the GitOps CLI created, with the real CLI: `pulumi up` of a program that declares it
// with the `import` option (what `pulumi import` does: Read with no inputs, then Check and Diff, where any
// difference fails). `pulumi import` itself loads the program's language host, pulumi-language-nodejs,
// which inline programs do not need; it runs with the example in example-readme.test.ts when that is built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { EngineEvent, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { startTestCloud, type TestCloud } from '../pulumi/harness/control-plane.ts';
import { runCli } from '../support/cli.ts';
import { writeStack } from '../support/stack-files.ts';
import { cliStack, type CliStack } from './support/workspace.ts';
import { loadSdk } from './support/sdk.ts';
import { stateResources } from './support/state.ts';
import { stepsOf } from './support/events.ts';
import { ZONE } from './support/programs.ts';

let cloud: TestCloud;
let cli: CliStack;
const cleanups: (() => void | Promise<void>)[] = [];
const SPEC = { zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 2, placement: 'zone' } as const;
const LABELS = { team: 'platform' };

/** The program that declares the cluster; with `importId`, it adopts the existing one instead of creating it. */
const declared =
  (importId?: string): PulumiFn =>
  async () => {
    const aicloud = loadSdk();
    new aicloud.compute.Cluster('shared', { name: 'shared-a', ...SPEC, labels: LABELS }, importId ? { import: importId } : {});
  };

before(async () => {
  cloud = await startTestCloud();
  cli = await cliStack({ after: (fn) => cleanups.push(fn) }, { program: declared('shared-a'), cloud: { url: cloud.url, token: cloud.token } });
});

after(async () => {
  for (const fn of cleanups.reverse()) await fn();
  await cloud?.close();
});

test('a cluster created by `aicloud apply` is imported by `pulumi up` with no diff, and the program without the import option has nothing to change', async () => {
  const manifests = join(cli.workDir, '..', 'gitops');
  writeStack(manifests, [{ kind: 'Cluster', name: 'shared-a', spec: SPEC, labels: LABELS }]);
  const applied = await runCli(['apply', manifests, '--auto-approve'], {
    env: { AICLOUD_ENDPOINT: cloud.url, AICLOUD_TOKEN: cloud.token, AICLOUD_PROJECT: 'default' },
  });
  assert.equal(applied.code, 0, applied.stderr);
  assert.equal((await cloud.client.get('Cluster', 'shared-a'))?.status, 'ready');

  const events: EngineEvent[] = [];
  const imported = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.deepEqual(imported.summary.resourceChanges, { create: 1, import: 1 });
  assert.deepEqual(
    stepsOf(events).map((s) => s.op),
    ['import'],
  );
  const shared = (await stateResources(cli.stack)).get('shared')!;
  assert.equal(shared.id, 'shared-a');
  assert.deepEqual(
    shared.inputs,
    { name: 'shared-a', region: 'cn-southwest-2', ...SPEC, labels: LABELS },
    'the inputs the program declares, with the region the zone implies',
  );
  assert.equal(shared.outputs?.status, 'ready');

  // Adopted: the program without the option has nothing to change.
  cli.stack.workspace.program = declared();
  const up = await cli.stack.up({ expectNoChanges: true });
  assert.deepEqual(up.summary.resourceChanges, { same: 2 });
});

test('an import whose program differs from the cloud imports what exists, then updates it to the program', async () => {
  const manifests = join(cli.workDir, '..', 'gitops');
  writeStack(manifests, [{ kind: 'Cluster', name: 'other-a', spec: SPEC }]);
  const applied = await runCli(['apply', manifests, '--auto-approve'], {
    env: { AICLOUD_ENDPOINT: cloud.url, AICLOUD_TOKEN: cloud.token, AICLOUD_PROJECT: 'default' },
  });
  assert.equal(applied.code, 0, applied.stderr);
  cli.stack.workspace.program = async () => {
    const aicloud = loadSdk();
    new aicloud.compute.Cluster('shared', { name: 'shared-a', ...SPEC, labels: LABELS });
    new aicloud.compute.Cluster('other', { name: 'other-a', ...SPEC, nodeCount: 3 }, { import: 'other-a' });
  };
  const events: EngineEvent[] = [];
  const up = await cli.stack.up({ onEvent: (e) => events.push(e) });
  assert.deepEqual(up.summary.resourceChanges, { same: 2, import: 1, update: 1 });
  const other = stepsOf(events).filter((s) => s.name === 'other');
  assert.deepEqual(
    other.map((s) => s.op),
    ['import', 'update'],
  );
  // Only the field the program changes: the GitOps CLI's own labels are not a difference.
  assert.deepEqual(Object.keys(other[1].detailedDiff ?? {}), ['nodeCount']);
  assert.equal((await cloud.client.get('Cluster', 'other-a'))?.spec.nodeCount, 3);
});

test('destroy deletes the imported clusters', async () => {
  await cli.stack.destroy();
  assert.deepEqual(await cloud.client.list('Cluster'), []);
});
