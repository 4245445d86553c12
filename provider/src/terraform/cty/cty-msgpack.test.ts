import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtData, encode } from '@msgpack/msgpack';
import fc from 'fast-check';
import { decodeCty, decodeCtyJson, encodeCty } from './cty-msgpack.ts';
import type { CtyType } from './cty-type.ts';
import { ctyTypeJson } from './cty-type.ts';
import { TF_UNKNOWN, TfUnknown, hasTfUnknown } from './unknown-value.ts';

const objectType: CtyType = {
  object: { name: 'string', node_count: 'number', labels: { map: 'string' }, model: { object: { a: 'bool' } }, ids: { list: 'string' } },
};

test('an object lists every attribute of its type, absent ones as nil', () => {
  const bytes = encodeCty({ name: 'a', extra: 'dropped' }, objectType);
  assert.deepEqual(decodeCty(bytes), { name: 'a', node_count: null, labels: null, model: null, ids: null });
});

test('null is c0 and an empty value decodes to null', () => {
  assert.deepEqual(Buffer.from(encodeCty(null, objectType)), Buffer.from([0xc0]));
  assert.equal(decodeCty(new Uint8Array()), null);
  assert.equal(decodeCty(undefined), null);
});

test('the plain unknown is d4 00 00', () => {
  assert.deepEqual(Buffer.from(encodeCty(TF_UNKNOWN, 'string')), Buffer.from([0xd4, 0, 0]));
  assert.ok(decodeCty(Buffer.from([0xd4, 0, 0])) instanceof TfUnknown);
});

test('a refined unknown goes back with its original bytes', () => {
  const refined = encode(new ExtData(12, new Uint8Array([0x81, 0x01, 0xc3])));
  const value = decodeCty(refined, 'string');
  assert.ok(value instanceof TfUnknown);
  assert.deepEqual(Buffer.from(encodeCty(value, 'string')), Buffer.from(refined));
});

test('numbers arrive as ints, uint64, float64 or decimal strings', () => {
  assert.equal(decodeCty(Buffer.from([0x05]), 'number'), 5);
  assert.equal(decodeCty(Buffer.from([0xcf, 0, 0, 0, 0, 0, 0, 1, 0]), 'number'), 256);
  assert.equal(decodeCty(Buffer.from([0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]), 'number'), 1.5);
  assert.equal(decodeCty(encode('12.25'), 'number'), 12.25);
});

test('unknowns inside objects survive a round trip', () => {
  const value = { name: TF_UNKNOWN, node_count: 2, labels: { a: 'b' }, model: { a: true }, ids: ['x', TF_UNKNOWN] };
  const back = decodeCty(encodeCty(value, objectType), objectType);
  assert.ok(hasTfUnknown(back));
  assert.ok((back as Record<string, unknown>).name instanceof TfUnknown);
  assert.equal((back as Record<string, unknown[]>).ids[0], 'x');
});

test('state JSON decodes like msgpack', () => {
  assert.deepEqual(decodeCtyJson(Buffer.from('{"name":"a","node_count":3}'), objectType), { name: 'a', node_count: 3 });
});

test('type expressions are JSON', () => {
  assert.deepEqual(ctyTypeJson(objectType), [
    'object',
    {
      name: 'string',
      node_count: 'number',
      labels: ['map', 'string'],
      model: ['object', { a: 'bool' }],
      ids: ['list', 'string'],
    },
  ]);
});

test('any known value of the type round-trips', () => {
  const arb = fc.record({
    name: fc.option(fc.string(), { nil: null }),
    node_count: fc.option(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: null }),
    labels: fc.option(
      fc.dictionary(
        fc.string().filter((k) => k !== '__proto__'),
        fc.string(),
      ),
      { nil: null },
    ),
    model: fc.option(fc.record({ a: fc.option(fc.boolean(), { nil: null }) }), { nil: null }),
    ids: fc.option(fc.array(fc.string()), { nil: null }),
  });
  fc.assert(
    fc.property(arb, (v) => {
      const back = decodeCty(encodeCty(v, objectType), objectType);
      // JSON normalises fast-check's null-prototype objects and -0, which msgpack cannot tell apart anyway.
      assert.deepEqual(JSON.parse(JSON.stringify(back)), JSON.parse(JSON.stringify(v)));
    }),
  );
});
