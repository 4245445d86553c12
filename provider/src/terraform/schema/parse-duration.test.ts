import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from './parse-duration.ts';

test('durations in Go syntax', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('1.5m'), 90_000);
});

test('anything else is not a duration', () => {
  for (const bad of ['', '10', 'ten minutes', '5d', '-1s', 'm']) assert.equal(parseDuration(bad), undefined, bad);
});
