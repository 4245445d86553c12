import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffResource } from '../diff-resource.ts';
import { acceleratorTypeChoice, acceptedTypes, acceptedTypesImpact } from './accelerator-types.ts';

const paths = (value: Record<string, unknown>) => acceleratorTypeChoice(value).map((d) => [d.code, d.path, d.message]);

test('one type or a list of types, exactly one of the two', () => {
  assert.deepEqual(paths({ acceleratorType: 'nvidia-h200' }), []);
  assert.deepEqual(paths({ acceleratorTypes: ['nvidia-h200', 'ascend-910c'] }), []);
  assert.deepEqual(paths({ acceleratorType: 'nvidia-h200', acceleratorTypes: ['ascend-910c'] }), [
    ['CONFLICTING_FIELDS', 'acceleratorTypes', 'give acceleratorType or acceleratorTypes, not both'],
  ]);
  assert.deepEqual(paths({}), [['MISSING_FIELD', 'acceleratorType', 'a cluster needs acceleratorType or acceleratorTypes']]);
});

test('the list is refused empty, with unknown types or with a type twice, naming the entry', () => {
  assert.deepEqual(paths({ acceleratorTypes: [] }), [['INVALID_VALUE', 'acceleratorTypes', 'acceleratorTypes lists no type']]);
  const unknown = acceleratorTypeChoice({ acceleratorTypes: ['nvidia-h200', 'nvidia-h2000'] });
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0]!.path, 'acceleratorTypes[1]');
  assert.match(unknown[0]!.message, /unknown accelerator type nvidia-h2000/);
  assert.match(unknown[0]!.hint ?? '', /Did you mean nvidia-h200\?/);
  assert.deepEqual(paths({ acceleratorTypes: ['ascend-910c', 'nvidia-h200', 'ascend-910c'] }), [
    ['INVALID_VALUE', 'acceleratorTypes[2]', 'acceleratorTypes lists ascend-910c twice'],
  ]);
});

test('a partition profile must be offered by every listed type', () => {
  const d = acceleratorTypeChoice({ acceleratorTypes: ['nvidia-h200', 'ascend-910c'], acceleratorProfile: '1g.18gb' });
  assert.deepEqual(
    d.map((x) => [x.path, x.message]),
    [['acceleratorTypes[1]', 'acceleratorProfile 1g.18gb is not offered on ascend-910c']],
  );
});

test('accepted types are the list, or the one type', () => {
  assert.deepEqual(acceptedTypes({ acceleratorTypes: ['a', 'b'] }), ['a', 'b']);
  assert.deepEqual(acceptedTypes({ acceleratorType: 'a' }), ['a']);
});

test('reordering keeps a running cluster while its type is listed; dropping that type replaces it', () => {
  const old = { acceleratorTypes: ['ascend-910c', 'nvidia-h200'] };
  assert.equal(acceptedTypesImpact(old, { acceleratorTypes: ['ascend-910c', 'nvidia-h200'] }, 'nvidia-h200'), 'no-op');
  assert.equal(acceptedTypesImpact(old, { acceleratorTypes: ['nvidia-h200', 'ascend-910c'] }, 'nvidia-h200'), 'update');
  assert.equal(acceptedTypesImpact(old, { acceleratorTypes: ['nvidia-h200'] }, 'nvidia-h200'), 'update');
  assert.equal(acceptedTypesImpact(old, { acceleratorTypes: ['ascend-910c'] }, 'nvidia-h200'), 'replace');
  assert.equal(acceptedTypesImpact(old, { acceleratorType: 'nvidia-h200' }, 'nvidia-h200'), 'update');
  // Without the chosen type, dropping any listed type may drop the one in use.
  assert.equal(acceptedTypesImpact(old, { acceleratorTypes: ['nvidia-h200'] }), 'replace');
  assert.equal(acceptedTypesImpact(old, { acceleratorTypes: ['nvidia-h200', 'nvidia-gb200', 'ascend-910c'] }), 'update');
});

test('the plan diff: reordering or adding accepted types updates, dropping one replaces', () => {
  const base = { name: 'c1', zone: 'cn-southwest-2b', nodeCount: 1, placement: 'zone' };
  const old = { ...base, acceleratorTypes: ['nvidia-h200', 'ascend-910c'] };
  assert.equal(diffResource('Cluster', old, { ...base, acceleratorTypes: ['ascend-910c', 'nvidia-h200'] }).step, 'update');
  assert.equal(diffResource('Cluster', old, { ...base, acceleratorTypes: ['nvidia-h200', 'ascend-910c', 'nvidia-gb200'] }).step, 'update');
  const dropped = diffResource('Cluster', old, { ...base, acceleratorTypes: ['ascend-910c'] });
  assert.equal(dropped.step, 'replace');
  assert.equal(dropped.fields[0]!.path, 'acceleratorTypes');
});

test('the plan diff with the type the cluster runs on: dropping another listed type updates, dropping that one replaces', () => {
  const base = { name: 'c1', zone: 'cn-southwest-2b', nodeCount: 1, placement: 'zone' };
  const old = { ...base, acceleratorTypes: ['nvidia-h200', 'ascend-910c'] };
  const runsOn = { acceleratorType: 'ascend-910c' };
  const dropUnchosen = diffResource('Cluster', old, { ...base, acceleratorTypes: ['ascend-910c'] }, runsOn);
  assert.equal(dropUnchosen.step, 'update');
  assert.equal(dropUnchosen.fields[0]!.impact, 'update');
  const dropChosen = diffResource('Cluster', old, { ...base, acceleratorTypes: ['nvidia-h200'] }, runsOn);
  assert.equal(dropChosen.step, 'replace');
  assert.match(dropChosen.fields[0]!.reason!, /dropping ascend-910c, the accelerator type the cluster runs on/);
  assert.equal(diffResource('Cluster', old, { ...base, acceleratorTypes: ['ascend-910c', 'nvidia-h200'] }, runsOn).step, 'update');
  // An empty or absent type is not known: the conservative rule holds.
  assert.equal(diffResource('Cluster', old, { ...base, acceleratorTypes: ['ascend-910c'] }, { acceleratorType: '' }).step, 'replace');
  assert.equal(diffResource('Cluster', old, { ...base, acceleratorTypes: ['ascend-910c'] }, {}).step, 'replace');
});
