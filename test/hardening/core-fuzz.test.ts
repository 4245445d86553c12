import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KINDS, diffResource, validate, type Kind } from '../../core/index.ts';
import { fieldExists } from '../support/field-paths.ts';
import { mutatedBody } from '../support/hostile-values.ts';
import { sampleInputs } from '../support/sample-inputs.ts';

// Runs of the properties below; together with the API fuzz they pass 10,000 hostile bodies.
const RUNS = Number(process.env.AICLOUD_FUZZ_RUNS ?? 6000);

test('every sample body is valid, so mutations start from a known-good point', () => {
  for (const kind of KINDS) {
    const r = validate(kind, sampleInputs(kind, 'sample-a'));
    assert.ok(r.ok, `${kind}: ${JSON.stringify(!r.ok && r.diagnostics)}`);
  }
});

test('validate never throws on hostile bodies, and every error names a field that exists', () => {
  let rejected = 0;
  fc.assert(
    fc.property(mutatedBody(), ({ kind, body }) => {
      const r = validate(kind, body, { defaultRegion: 'cn-southwest-2' });
      if (r.ok) {
        // Accepted values must survive the wire: the API stores and returns them as JSON.
        assert.deepEqual(JSON.parse(JSON.stringify(r.value)), r.value);
        return;
      }
      rejected++;
      assert.ok(r.diagnostics.length > 0);
      const wholeBodyBad = body === null || typeof body !== 'object' || Array.isArray(body);
      for (const d of r.diagnostics) {
        assert.equal(d.severity, 'error');
        assert.match(d.code, /^[A-Z_]+$/);
        assert.ok(typeof d.message === 'string' && d.message.length > 0 && d.message.length < 2000, `message too long or empty: ${d.message.length}`);
        if (wholeBodyBad) assert.equal(d.path, '');
        else assert.ok(fieldExists(kind, body, d.path), `${kind}: error path ${JSON.stringify(d.path)} (${d.code}) names nothing in the input or schema`);
      }
    }),
    { numRuns: RUNS, seed: Number(process.env.AICLOUD_FUZZ_SEED ?? 7) },
  );
  // A fuzzer whose inputs are all accepted proves nothing.
  assert.ok(rejected > RUNS / 2, `only ${rejected} of ${RUNS} bodies were rejected`);
});

test('validate is deterministic and does not mutate its input', () => {
  fc.assert(
    fc.property(mutatedBody(), ({ kind, body }) => {
      if (body === null || typeof body !== 'object') return;
      const before = JSON.stringify(body);
      const a = validate(kind, body);
      assert.equal(JSON.stringify(body), before);
      assert.equal(JSON.stringify(validate(kind, body)), JSON.stringify(a));
    }),
    { numRuns: 500, seed: 11 },
  );
});

test('diffResource never throws between any two accepted bodies of a kind', () => {
  const accepted = (kind: Kind) =>
    mutatedBody([kind])
      .map(({ body }) => validate(kind, body, { defaultRegion: 'cn-southwest-2' }))
      .filter((r) => r.ok)
      .map((r) => (r.ok ? (r.value as unknown as Record<string, unknown>) : {}));
  for (const kind of KINDS) {
    fc.assert(
      fc.property(fc.oneof(accepted(kind), fc.constant(sampleInputs(kind, 'fuzz-a'))), accepted(kind), (a, b) => {
        const d = diffResource(kind, a as never, b as never);
        assert.ok(['no-op', 'update', 'replace'].includes(d.step));
        if (d.step === 'no-op') assert.equal(d.fields.length, 0);
      }),
      { numRuns: 100, seed: 13 },
    );
  }
});

// JSON.parse makes `__proto__` an own key; copying it by assignment instead changes the copy's
// prototype, so the field vanishes from validation and an unknown field is silently accepted.
test('a __proto__ field is reported as an unknown field, not silently dropped', () => {
  const top = JSON.parse('{"name":"fuzz-a","zone":"cn-southwest-2a","acceleratorType":"ascend-910c","nodeCount":1,"__proto__":{"nodeCount":9}}');
  const r = validate('Cluster', top);
  assert.equal(r.ok, false, 'a body with a __proto__ field was accepted');
  if (!r.ok)
    assert.ok(
      r.diagnostics.some((d) => d.code === 'UNKNOWN_FIELD' && d.path === '__proto__'),
      JSON.stringify(r.diagnostics),
    );
  const label = JSON.parse('{"name":"fuzz-a","zone":"cn-southwest-2a","acceleratorType":"ascend-910c","nodeCount":1,"labels":{"__proto__":{"team":"x"}}}');
  const l = validate('Cluster', label);
  assert.equal(l.ok, false, 'a label keyed __proto__ was accepted');
});
