import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listFields } from './list-fields.ts';

test('lists leaves in key order with the paths users write, maps and arrays included', () => {
  const inputs = { zone: 'z', labels: { 'aicloud.dev/stack': 's', team: 't' }, tiers: { hbmGib: 8, ssd: {} }, list: [1, 2], gone: undefined, name: 'n' };
  assert.deepEqual(listFields(inputs, 'create'), [
    { path: 'labels["aicloud.dev/stack"]', new: 's', impact: 'create' },
    { path: 'labels.team', new: 't', impact: 'create' },
    { path: 'list', new: [1, 2], impact: 'create' },
    { path: 'name', new: 'n', impact: 'create' },
    { path: 'tiers.hbmGib', new: 8, impact: 'create' },
    { path: 'tiers.ssd', new: {}, impact: 'create' },
    { path: 'zone', new: 'z', impact: 'create' },
  ]);
  assert.deepEqual(listFields({ a: { b: 1 } }, 'delete'), [{ path: 'a.b', old: 1, impact: 'delete' }]);
});

test("the same key under different parents gets each parent's path, however many keys were seen before", () => {
  const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, { [`x-${i}`]: i }]));
  const fields = listFields({ labels: many, model: { name: 'm' }, name: 'n' }, 'create');
  assert.equal(fields.length, 2002);
  assert.equal(fields.find((f) => f.new === 1999)?.path, 'labels.k1999["x-1999"]');
  assert.deepEqual(
    fields.slice(-2).map((f) => f.path),
    ['model.name', 'name'],
  );
});
