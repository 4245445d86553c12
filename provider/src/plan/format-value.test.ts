import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDelta, formatInt, formatUsd } from './format-value.ts';

test('amounts read the same on every machine: en-US grouping, two decimals for money', () => {
  assert.equal(formatUsd(1234567.891), '$1,234,567.89');
  assert.equal(formatUsd(0), '$0.00');
  assert.equal(formatInt(98304), '98,304');
  assert.equal(formatDelta(10, 2.5, true), '-$7.50');
  assert.equal(formatDelta(1, 1001, false), '+1,000');
});

test('the shared formatters give what toLocaleString with the same options gives', () => {
  fc.assert(
    fc.property(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer()), (n) => {
      assert.equal(formatUsd(n), `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
      assert.equal(formatInt(n), n.toLocaleString('en-US', { maximumFractionDigits: 0 }));
    }),
    { numRuns: 2000, seed: 11 },
  );
});
