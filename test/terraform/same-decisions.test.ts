// Terraform and GitOps users changing the same stack in the same way must get the same decision:
// the Terraform provider's PlanResourceChange (requires_replace) and the GitOps planner's steps are
// both translations of the core's diffResource. Each case plans one change both ways and compares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, type Kind } from '../../core/index.ts';
import { buildPlan, coreRegistry, type StepAction } from '../../provider/src/plan/index.ts';
import { fakeProvider } from '../../provider/src/terraform/testing/rpc-driver.ts';
import { cloudToTf } from '../../provider/src/terraform/wire/tf-value.ts';
import { splitFieldPath } from '../../provider/src/terraform/wire/attribute-path.ts';

type Obj = Record<string, unknown>;

const cluster: Obj = { name: 'train', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 2 };
const endpoint: Obj = {
  name: 'chat',
  cluster: 'train',
  region: 'cn-southwest-2',
  acceleratorsPerReplica: 8,
  replicas: 1,
  model: { name: 'm', bucket: 'weights', path: 'm/', parametersBillions: 70, precision: 'bf16' },
  runtime: { framework: 'vllm-ascend', softwareStack: 'cann-8.1' },
  parallelism: { tensor: 8 },
};

const CASES: { name: string; kind: Kind; before: Obj; after: Obj; expect: StepAction; replaced?: string[] }[] = [
  { name: 'no change', kind: 'Cluster', before: cluster, after: cluster, expect: 'no-op' },
  { name: 'nodeCount grows', kind: 'Cluster', before: cluster, after: { ...cluster, nodeCount: 3 }, expect: 'update' },
  {
    name: 'acceleratorType changes',
    kind: 'Cluster',
    before: cluster,
    after: { ...cluster, acceleratorType: 'ascend-910b' },
    expect: 'replace',
    replaced: ['acceleratorType'],
  },
  { name: 'placement changes', kind: 'Cluster', before: cluster, after: { ...cluster, placement: 'spread' }, expect: 'replace', replaced: ['placement'] },
  {
    name: 'an explicit placement is removed (back to the default)',
    kind: 'Cluster',
    before: { ...cluster, placement: 'spread' },
    after: cluster,
    expect: 'replace',
    replaced: ['placement'],
  },
  { name: 'a label is added', kind: 'Cluster', before: cluster, after: { ...cluster, labels: { team: 'a' } }, expect: 'update' },
  {
    name: 'bucket versioning is turned on',
    kind: 'Bucket',
    before: { name: 'weights', region: 'cn-southwest-2' },
    after: { name: 'weights', region: 'cn-southwest-2', versioning: true },
    expect: 'update',
  },
  {
    name: 'a volume grows',
    kind: 'Volume',
    before: { name: 'vol', zone: 'cn-southwest-2a', sizeGib: 100 },
    after: { name: 'vol', zone: 'cn-southwest-2a', sizeGib: 200 },
    expect: 'update',
  },
  {
    name: 'a volume changes media',
    kind: 'Volume',
    before: { name: 'vol', zone: 'cn-southwest-2a', sizeGib: 100 },
    after: { name: 'vol', zone: 'cn-southwest-2a', sizeGib: 100, type: 'hdd' },
    expect: 'replace',
    replaced: ['type'],
  },
  {
    name: 'a file system changes protocol',
    kind: 'FileSystem',
    before: { name: 'fs', zone: 'cn-southwest-2a', capacityTib: 10 },
    after: { name: 'fs', zone: 'cn-southwest-2a', capacityTib: 10, protocol: 'nfs' },
    expect: 'replace',
    replaced: ['protocol'],
  },
  {
    name: 'a KV-cache tier grows',
    kind: 'KvCachePool',
    before: { name: 'kv', cluster: 'train', region: 'cn-southwest-2', tiers: { hbmGib: 8 } },
    after: { name: 'kv', cluster: 'train', region: 'cn-southwest-2', tiers: { hbmGib: 8, dramGib: 512 } },
    expect: 'update',
  },
  { name: 'an endpoint scales out', kind: 'ModelEndpoint', before: endpoint, after: { ...endpoint, replicas: 2 }, expect: 'update' },
  {
    name: 'an endpoint changes precision',
    kind: 'ModelEndpoint',
    before: endpoint,
    after: { ...endpoint, model: { ...(endpoint.model as Obj), precision: 'int8' } },
    expect: 'replace',
    replaced: ['model.precision'],
  },
];

function gitopsDecision(kind: Kind, before: Obj, after: Obj): { action: StepAction; replaced: string[] } {
  const valid = (inputs: Obj) => {
    const v = validate(kind, inputs);
    if (!v.ok) throw new Error(JSON.stringify(v.diagnostics));
    return v.value as unknown as Obj;
  };
  const observed = { kind, name: String(before.name), spec: valid(before), resourceVersion: 1, generation: 1 };
  const desired = { kind, name: String(after.name), inputs: valid(after), dependsOn: [], protect: false };
  const plan = buildPlan([desired], [observed], coreRegistry(), { stack: 's', project: 'default' });
  const step = plan.steps.find((s) => s.name === after.name)!;
  return {
    action: step.action,
    replaced: step.fields
      .filter((f) => f.impact === 'replace')
      .map((f) => f.path)
      .sort(),
  };
}

async function terraformDecision(kind: Kind, before: Obj, after: Obj): Promise<{ action: StepAction; replaced: string[] }> {
  const p = fakeProvider();
  const typeName = [...p.ctx.schemas.resources].find(([, r]) => r.kind === kind)![0];
  const { attributes } = p.ctx.schemas.resources.get(typeName)!.schema;
  const config = (inputs: Obj): Obj =>
    Object.fromEntries(attributes.filter((a) => a.role === 'input' && inputs[a.key] !== undefined).map((a) => [a.name, cloudToTf(inputs[a.key], a.type)]));
  const created = await p.planAndApply(typeName, null, config(before));
  assert.deepEqual(created.apply.diagnostics, [], JSON.stringify(created.apply.diagnostics));
  const prior = created.apply.state!;
  const plan = await p.plan(typeName, prior, config(after));
  assert.deepEqual(
    plan.diagnostics?.filter((d) => d.severity === 1),
    [],
    JSON.stringify(plan.diagnostics),
  );
  // Map Terraform attribute paths back to schema paths (snake_case to the schema's names).
  const back = (steps: { attribute_name?: string }[]) => {
    let level = attributes;
    const names: string[] = [];
    for (const s of steps) {
      const attr = level.find((a) => a.name === s.attribute_name)!;
      names.push(attr.key);
      level = attr.nested?.attributes ?? [];
    }
    return names.join('.');
  };
  const replaced = (plan.requires_replace ?? []).map((p) => back(p.steps)).sort();
  const changed = JSON.stringify(plan.planned) !== JSON.stringify(prior);
  return { action: replaced.length ? 'replace' : changed ? 'update' : 'no-op', replaced };
}

for (const c of CASES) {
  test(`Terraform and GitOps agree: ${c.name}`, async () => {
    const gitops = gitopsDecision(c.kind, c.before, c.after);
    const terraform = await terraformDecision(c.kind, c.before, c.after);
    assert.equal(gitops.action, c.expect);
    assert.deepEqual(terraform, gitops);
    assert.deepEqual(gitops.replaced, (c.replaced ?? []).map((p) => splitFieldPath(p).join('.')).sort());
  });
}

test('both refuse to shrink a volume', async () => {
  const before = { name: 'vol', zone: 'cn-southwest-2a', sizeGib: 200 };
  const after = { ...before, sizeGib: 100 };
  const observed = { kind: 'Volume', name: 'vol', spec: (validate('Volume', before) as unknown as { value: Obj }).value, resourceVersion: 1 };
  const desired = { kind: 'Volume', name: 'vol', inputs: (validate('Volume', after) as unknown as { value: Obj }).value, dependsOn: [], protect: false };
  const plan = buildPlan([desired], [observed], coreRegistry(), { stack: 's', project: 'default' });
  assert.equal(plan.problems[0]?.code, 'CANNOT_SHRINK');

  const p = fakeProvider();
  const created = await p.planAndApply('aicloud_volume', null, { name: 'vol', zone: 'cn-southwest-2a', size_gib: 200 });
  const shrink = await p.plan('aicloud_volume', created.apply.state!, { name: 'vol', zone: 'cn-southwest-2a', size_gib: 100 });
  assert.match(shrink.diagnostics?.find((d) => d.severity === 1)?.detail ?? '', /CANNOT_SHRINK/);
});
