import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LEASE_MS, parseLeaseDuration } from './lease-duration.ts';

test('a lease duration is whole seconds from 1s to 7 days', () => {
  assert.equal(parseLeaseDuration('1s'), 1000);
  assert.equal(parseLeaseDuration('1m30s'), 90_000);
  assert.equal(parseLeaseDuration('168h'), MAX_LEASE_MS);
  for (const bad of ['0', '0s', '500ms', '1500ms', '168h1s', '169h', 'soon', '']) assert.equal(typeof parseLeaseDuration(bad), 'string', bad);
});
