import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from './parse-duration.ts';

test('reads the durations users write', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('1m30s'), 90_000);
  assert.equal(parseDuration('2h'), 7_200_000);
  assert.equal(parseDuration('15'), 15_000);
});

test('refuses anything else', () => {
  for (const bad of ['', 'soon', '30x', '1m and 2s', '-5s']) assert.equal(parseDuration(bad), undefined, bad);
});
