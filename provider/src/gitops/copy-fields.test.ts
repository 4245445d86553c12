import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFields } from './copy-fields.ts';

test('copies own fields in order, like a spread', () => {
  const from = { b: 1, a: { nested: true } };
  const copy = copyFields(from);
  assert.deepEqual(Object.keys(copy), ['b', 'a']);
  assert.notEqual(copy, from);
  assert.equal(copy.a, from.a);
  assert.deepEqual(copyFields(undefined), {});
});

test('a __proto__ key from a manifest stays data and never becomes the prototype', () => {
  const from = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
  const copy = copyFields(from);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.deepEqual(Object.keys(copy), ['__proto__', 'x']);
  assert.equal((copy as { polluted?: boolean }).polluted, undefined);
  assert.deepEqual(copy, { ...from });
});
