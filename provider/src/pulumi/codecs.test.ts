import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UNKNOWN } from '../../../core/index.ts';
import { fromWire } from './from-wire.ts';
import { toWire } from './to-wire.ts';
import { sanitize } from './sanitize.ts';
import { structPb } from './proto.ts';
import { SecretRegistry } from './secret-registry.ts';
import { OUTPUT_VALUE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN_SENTINEL } from './wire-values.ts';

const struct = (v: Record<string, unknown>) => structPb.Struct.fromJavaScript(v as never);

test('unknown sentinels become the core UNKNOWN at any depth', () => {
  const { values } = fromWire(struct({ name: 'a', nodeCount: UNKNOWN_SENTINEL, labels: { team: UNKNOWN_SENTINEL }, xs: [1, UNKNOWN_SENTINEL] }));
  assert.deepEqual(values, { name: 'a', nodeCount: UNKNOWN, labels: { team: UNKNOWN }, xs: [1, UNKNOWN] });
});

test('secrets are unwrapped, their keys remembered and their strings registered for scrubbing', () => {
  const reg = new SecretRegistry();
  const { values, secretKeys } = fromWire(
    struct({ token: { [SIG_KEY]: SECRET_SIG, value: 'tok-0123456789abcdef' }, labels: { a: { [SIG_KEY]: SECRET_SIG, value: 'hidden-label' } }, name: 'x' }),
    reg,
  );
  assert.deepEqual(values, { token: 'tok-0123456789abcdef', labels: { a: 'hidden-label' }, name: 'x' });
  assert.deepEqual([...secretKeys].sort(), ['labels', 'token']);
  assert.equal(reg.scrub('bad token tok-0123456789abcdef and hidden-label'), 'bad token [secret] and [secret]');
});

test('output values reduce to their value, or UNKNOWN when they have none', () => {
  const { values, secretKeys } = fromWire(struct({ a: { [SIG_KEY]: OUTPUT_VALUE_SIG, value: 3, secret: true }, b: { [SIG_KEY]: OUTPUT_VALUE_SIG } }));
  assert.deepEqual(values, { a: 3, b: UNKNOWN });
  assert.deepEqual([...secretKeys], ['a']);
});

test('encoding wraps the named keys as secrets and turns UNKNOWN into the sentinel', () => {
  const out = toWire({ apiKey: 'sk-abcdef', url: UNKNOWN, name: 'e' }, ['apiKey', 'missing']).toJavaScript();
  assert.deepEqual(out, { apiKey: { [SIG_KEY]: SECRET_SIG, value: 'sk-abcdef' }, url: UNKNOWN_SENTINEL, name: 'e' });
});

test('values Struct cannot hold are sanitised instead of throwing', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const input = {
    u: undefined,
    big: 12n,
    huge: 2n ** 80n,
    when: new Date('2026-01-01T00:00:00Z'),
    bad: new Date('x'),
    nan: Number.NaN,
    fn: () => 1,
    arr: [undefined, 1],
    map: new Map([['k', 'v']]),
    cyclic,
    shared: [{ s: 1 }],
  };
  const out = toWire(input as Record<string, unknown>).toJavaScript();
  assert.deepEqual(out, {
    big: 12,
    huge: (2n ** 80n).toString(),
    when: '2026-01-01T00:00:00.000Z',
    bad: null,
    nan: null,
    arr: [null, 1],
    map: { k: 'v' },
    cyclic: { a: 1, self: null },
    shared: [{ s: 1 }],
  });
});

test('a value shared twice in one tree is not mistaken for a cycle', () => {
  const s = { x: 1 };
  assert.deepEqual(sanitize({ a: s, b: s }), { a: { x: 1 }, b: { x: 1 } });
});
