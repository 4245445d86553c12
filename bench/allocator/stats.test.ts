import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedDifference, stdev } from './stats.ts';

test('stdev is the sample standard deviation and 0 for a single value', () => {
  assert.equal(stdev([5]), 0);
  assert.ok(Math.abs(stdev([1, 2, 3, 4]) - Math.sqrt(5 / 3)) < 1e-12);
});

test('a paired difference cancels what the streams share and counts wins', () => {
  // Streams differ by tens of points, the policies by one point on each: the pairing sees only the one.
  const a = [91, 71, 51, 80];
  const b = [90, 70, 50, 81];
  const d = pairedDifference(a, b);
  assert.equal(d.mean, 0.5);
  assert.equal(d.wins, 3);
  assert.equal(d.n, 4);
  assert.equal(d.min, -1);
  assert.equal(d.max, 1);
  assert.ok(d.sd < stdev(a));
});
