import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStack } from '../../provider/src/gitops/index.ts';
import { attachPlacement, buildPlan, coreRegistry, renderJson, renderMarkdown, renderText, type ObservedResource } from '../../provider/src/plan/index.ts';

// Golden files pin the three renderings of one realistic plan. Rewrite them
// after an intended change with: UPDATE_GOLDEN=1 npm test -- render-golden
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

async function scenario() {
  const stack = await loadStack(join(root, 'examples', 'gitops'), { stack: 'gitops' });
  const byName = new Map(stack.desired.map((d) => [d.name, d]));
  const observe = (name: string, change: Record<string, unknown> = {}, resourceVersion = 3): ObservedResource => {
    const d = byName.get(name)!;
    return { kind: d.kind, name: d.name, spec: { ...d.inputs, ...change }, resourceVersion, generation: 2 };
  };
  const observed: ObservedResource[] = [
    observe('train-a', { nodeCount: 16 }),
    observe('infer-a', { acceleratorType: 'ascend-910b' }),
    observe('fm-weights-deepseek'),
    observe('ckpt-train-a', { capacityTib: 256 }),
    {
      kind: 'Volume',
      name: 'old-scratch',
      spec: {
        name: 'old-scratch',
        region: 'cn-southwest-2',
        zone: 'cn-southwest-2a',
        sizeGib: 2048,
        type: 'ssd',
        labels: { 'aicloud.dev/stack': 'gitops', 'aicloud.dev/address': 'Volume/old-scratch' },
      },
      resourceVersion: 9,
      generation: 1,
    },
  ];
  const plan = buildPlan(stack.desired, observed, coreRegistry(), { stack: 'gitops', project: 'default' });
  return attachPlacement(plan, [
    {
      address: 'Cluster/train-a',
      action: 'grow',
      fits: true,
      zone: 'cn-southwest-2a',
      supernodes: ['sn-1'],
      servers: Array.from({ length: 16 }, (_, i) => `sn-1/s${String(i + 17).padStart(2, '0')}`),
      acceleratorCount: 128,
    },
    { address: 'Cluster/infer-a', action: 'release', fits: true },
    {
      address: 'Cluster/infer-a',
      action: 'create',
      fits: false,
      message: 'need 64 ascend-910c in one supernode of cn-southwest-2a; largest free block: 56 in sn-2',
    },
  ]);
}

async function golden(name: string, actual: string): Promise<void> {
  const path = join(here, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') await writeFile(path, actual);
  assert.equal(actual, await readFile(path, 'utf8'), `${name} differs from the golden file`);
}

test('the text rendering matches its golden file', async () => {
  await golden('plan.txt', renderText(await scenario()));
});

test('the markdown rendering matches its golden file', async () => {
  await golden('plan.md', renderMarkdown(await scenario()));
});

test('the JSON rendering matches its golden file and reads back as the same plan', async () => {
  const plan = await scenario();
  const json = renderJson(plan);
  await golden('plan.json', json);
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(plan)));
});

test('the scenario covers every action and both placement outcomes', async () => {
  const plan = await scenario();
  assert.deepEqual(plan.summary, { create: 2, update: 2, replace: 1, delete: 1, 'no-op': 1 });
  assert.deepEqual(
    plan.problems.map((p) => p.code),
    ['PLAN_WILL_NOT_FIT'],
  );
  assert.match(renderText(plan), /~ nodeCount: 16 -> 32/);
  assert.match(renderText(plan), /-\/\+ acceleratorType: "ascend-910b" -> "ascend-910c" \(forces replacement/);
});
