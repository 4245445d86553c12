import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffResource, replacedKeys, validate, UNKNOWN, type Kind } from './index.ts';

function v(kind: Kind, inputs: Record<string, unknown>): Record<string, unknown> {
  const r = validate(kind, inputs, { allowUnknown: true });
  assert.ok(r.ok, JSON.stringify(r));
  return r.value as unknown as Record<string, unknown>;
}

const cluster = { name: 'train-a', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 16, placement: 'supernode' };

test('identical inputs, with defaults written or not, are a no-op', () => {
  const d = diffResource('Cluster', v('Cluster', cluster), v('Cluster', { ...cluster, region: 'cn-southwest-2' }));
  assert.deepEqual(d, { step: 'no-op', fields: [], deleteBeforeReplace: false, diagnostics: [] });
});

test('nodeCount updates in place', () => {
  const d = diffResource('Cluster', v('Cluster', cluster), v('Cluster', { ...cluster, nodeCount: 24 }));
  assert.deepEqual(d, { step: 'update', fields: [{ path: 'nodeCount', old: 16, new: 24, impact: 'update' }], deleteBeforeReplace: false, diagnostics: [] });
});

test('acceleratorType, zone and placement replace; the worst field wins', () => {
  for (const change of [{ acceleratorType: 'ascend-910b' }, { zone: 'cn-southwest-2b' }, { placement: 'zone' }]) {
    const d = diffResource('Cluster', v('Cluster', cluster), v('Cluster', { ...cluster, ...change, nodeCount: 20 }));
    assert.equal(d.step, 'replace');
    assert.equal(d.deleteBeforeReplace, true, 'same name cannot exist twice');
    assert.deepEqual(replacedKeys(d), Object.keys(change));
    assert.equal(d.fields.find((f) => f.path === 'nodeCount')?.impact, 'update');
  }
});

test('a renamed resource is replaced create-before-delete', () => {
  const d = diffResource('Cluster', v('Cluster', cluster), v('Cluster', { ...cluster, name: 'train-b' }));
  assert.equal(d.step, 'replace');
  assert.equal(d.deleteBeforeReplace, false);
});

test('labels diff per key', () => {
  const d = diffResource(
    'Cluster',
    v('Cluster', { ...cluster, labels: { team: 'a', env: 'x' } }),
    v('Cluster', { ...cluster, labels: { team: 'b', env: 'x' } }),
  );
  assert.deepEqual(d.fields, [{ path: 'labels.team', old: 'a', new: 'b', impact: 'update' }]);
});

test('nested fields under a replacing object replace, and are named', () => {
  const ep = {
    name: 'r1',
    region: 'cn-southwest-2',
    cluster: 'infer',
    model: { name: 'm', bucket: 'weights-a', path: 'p', parametersBillions: 7 },
    runtime: { framework: 'mindie', softwareStack: 'cann-8.1' },
    acceleratorsPerReplica: 1,
  };
  const d = diffResource('ModelEndpoint', v('ModelEndpoint', ep), v('ModelEndpoint', { ...ep, model: { ...ep.model, precision: 'int8' } }));
  assert.equal(d.step, 'replace');
  assert.deepEqual(
    d.fields.map((f) => [f.path, f.reason]),
    [['model.precision', 'model forces replacement']],
  );
  assert.equal(d.deleteBeforeReplace, true);
  const scale = diffResource('ModelEndpoint', v('ModelEndpoint', ep), v('ModelEndpoint', { ...ep, replicas: 3 }));
  assert.equal(scale.step, 'update');
});

test('a volume may grow but not shrink', () => {
  const vol = { name: 'scratch', zone: 'cn-southwest-2a', sizeGib: 100 };
  assert.deepEqual(diffResource('Volume', v('Volume', vol), v('Volume', { ...vol, sizeGib: 200 })).diagnostics, []);
  const d = diffResource('Volume', v('Volume', vol), v('Volume', { ...vol, sizeGib: 50 }));
  assert.equal(d.diagnostics[0].code, 'CANNOT_SHRINK');
  assert.equal(d.diagnostics[0].path, 'sizeGib');
});

test('unknown new values are changes with the schema impact', () => {
  const d = diffResource('Cluster', v('Cluster', cluster), v('Cluster', { ...cluster, nodeCount: UNKNOWN, zone: UNKNOWN }));
  assert.equal(d.step, 'replace');
  assert.deepEqual(d.fields.map((f) => [f.path, f.impact]).sort(), [
    ['nodeCount', 'update'],
    ['region', 'replace'],
    ['zone', 'replace'],
  ]);
});
