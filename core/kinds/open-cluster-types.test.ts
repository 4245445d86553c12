import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../validate.ts';
import { clusterTypeContext, clusterTypesOf } from './open-cluster-types.ts';

const endpoint = (extra: Record<string, unknown> = {}) => ({
  name: 'chat',
  region: 'cn-southwest-2',
  cluster: 'open',
  model: { name: 'm', bucket: 'weights', path: 'm/', parametersBillions: 7 },
  runtime: { framework: 'mindie', softwareStack: 'cann-8.1' },
  acceleratorsPerReplica: 1,
  replicas: 1,
  ...extra,
});

test('the types a cluster may still run on: its one type, the type chosen from its list, or the whole list while none is chosen', () => {
  assert.deepEqual(clusterTypesOf({ acceleratorType: 'ascend-910c' }), ['ascend-910c']);
  assert.deepEqual(clusterTypesOf({ acceleratorTypes: ['ascend-910c', 'ascend-910b'] }), ['ascend-910c', 'ascend-910b']);
  assert.deepEqual(clusterTypesOf({ acceleratorTypes: ['ascend-910c', 'ascend-910b'] }, { acceleratorType: 'ascend-910b' }), ['ascend-910b']);
  assert.deepEqual(clusterTypesOf({ acceleratorTypes: ['ascend-910c', 'ascend-910b'] }, { acceleratorType: '' }), ['ascend-910c', 'ascend-910b']);
  // A list that dropped the chosen type replaces the cluster: open again.
  assert.deepEqual(clusterTypesOf({ acceleratorTypes: ['ascend-910c'] }, { acceleratorType: 'ascend-910b' }), ['ascend-910c']);
  assert.deepEqual(clusterTypeContext(['ascend-910c']), { acceleratorType: 'ascend-910c' });
  assert.deepEqual(clusterTypeContext(['ascend-910c', 'ascend-910b']), { acceleratorTypes: ['ascend-910c', 'ascend-910b'] });
  assert.deepEqual(clusterTypeContext([]), {});
});

test('an endpoint on an open cluster passes only when it suits every listed type; a failure names the type and how to get past it', () => {
  const open = clusterTypeContext(['ascend-910c', 'ascend-910b']);
  assert.equal(validate('ModelEndpoint', endpoint(), open).ok, true);
  const big = validate('ModelEndpoint', endpoint({ model: { name: 'm', bucket: 'weights', path: 'm/', parametersBillions: 40 } }), open);
  assert.equal(big.ok, false);
  if (big.ok) return;
  assert.deepEqual(
    big.diagnostics.map((d) => [d.code, d.path, d.value]),
    [['ENDPOINT_DOES_NOT_FIT', 'acceleratorsPerReplica', 1]],
  );
  assert.match(big.diagnostics[0]!.message, /1 x ascend-910b offer 64\.0 GiB.*may start on ascend-910b, one of its acceleratorTypes\)$/);
  assert.match(big.diagnostics[0]!.hint!, /^Drop ascend-910b from the cluster's acceleratorTypes, or change this resource: Use at least 2 accelerators/);
  // The same endpoint on the type chosen is fine.
  assert.equal(
    validate('ModelEndpoint', endpoint({ model: { name: 'm', bucket: 'weights', path: 'm/', parametersBillions: 40 } }), clusterTypeContext(['ascend-910c']))
      .ok,
    true,
  );
  // Rules that need no type are reported once, without a type.
  const mixed = validate('ModelEndpoint', endpoint({ autoscaling: { minReplicas: 1, maxReplicas: 2 } }), open);
  assert.equal(mixed.ok, false);
  if (mixed.ok) return;
  assert.deepEqual(
    mixed.diagnostics.map((d) => [d.code, d.path]),
    [['CONFLICTING_FIELDS', 'replicas']],
  );
  assert.doesNotMatch(mixed.diagnostics[0]!.message, /may start on/);
});

test('a KV-cache pool on an open cluster must fit the HBM of every listed type', () => {
  const pool = { name: 'kv', region: 'cn-southwest-2', cluster: 'open', tiers: { hbmGib: 80 } };
  const r = validate('KvCachePool', pool, clusterTypeContext(['ascend-910c', 'ascend-910b']));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.path]),
    [['OUT_OF_RANGE', 'tiers.hbmGib']],
  );
  assert.match(r.diagnostics[0]!.message, /ascend-910b/);
  assert.equal(validate('KvCachePool', pool, clusterTypeContext(['ascend-910c'])).ok, true);
});
