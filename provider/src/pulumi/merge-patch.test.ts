import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePatch } from './merge-patch.ts';

test('merge patch: changed fields, nested objects, and removed fields as null', () => {
  assert.deepEqual(mergePatch({ a: 1, b: { x: 1, y: 2 }, c: [1], d: 'gone' }, { a: 2, b: { x: 1 }, c: [1, 2] }), { a: 2, b: { y: null }, c: [1, 2], d: null });
  assert.deepEqual(mergePatch({ a: 1 }, { a: 1 }), {});
});
