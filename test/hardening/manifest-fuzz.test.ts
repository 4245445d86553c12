import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseManifests, resolveStack } from '../../provider/src/gitops/index.ts';
import { checkProperty } from '../support/check-property.ts';
import { hostileKey, hostileValue, mutatedBody } from '../support/hostile-values.ts';

const RUNS = Number(process.env.AICLOUD_MANIFEST_FUZZ_RUNS ?? 1000);

/** A manifest document around a hostile spec, with hostile metadata now and then; or raw hostile YAML. */
const manifestText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        mutatedBody(),
        fc.option(fc.oneof(hostileValue(), fc.string()), { nil: undefined }),
        fc.option(fc.dictionary(hostileKey(), fc.oneof(fc.string(), hostileValue()), { maxKeys: 3 }), { nil: undefined }),
        fc.constantFrom('aicloud.dev/v1', 'aicloud.dev/v2', 'v1', ''),
      )
      .map(([m, name, labels, apiVersion]) => {
        const body = (m.body && typeof m.body === 'object' && !Array.isArray(m.body) ? m.body : { value: m.body }) as Record<string, unknown>;
        const { name: bodyName, ...spec } = body;
        const doc = { apiVersion, kind: m.kind, metadata: { name: name === undefined ? bodyName : name, ...(labels ? { labels } : {}) }, spec };
        try {
          return stringify(doc);
        } catch {
          return stringify({ apiVersion, kind: m.kind, metadata: { name: 'x1' }, spec: { bad: String(m.body) } });
        }
      }),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.string(),
      fc.constantFrom(
        '{',
        'kind: [',
        '- a\n- b',
        '---\n---\n',
        'apiVersion: aicloud.dev/v1\nkind: Cluster\nmetadata: {name: a, name: b}\nspec: {}',
        '&a [*a]',
        'a: &x {b: *x}',
        'kind: !!binary aGVsbG8=',
        'spec: !!js/function "function(){}"',
        '%YAML 9.9\n---\na: 1',
        `apiVersion: aicloud.dev/v1\nkind: Cluster\nmetadata: {name: ../../etc/passwd}\nspec: {zone: cn-southwest-2a}`,
        `a: ${'['.repeat(2000)}${']'.repeat(2000)}`,
      ),
      fc
        .integer({ min: 2, max: 40 })
        .map((n) =>
          Array.from({ length: n }, (_, i) => `apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata: {name: dup}\nspec: {region: cn-southwest-${i}}`).join(
            '\n---\n',
          ),
        ),
    ),
  },
);

test(`${RUNS} hostile manifests: the loader never throws and every problem has a position and a path`, async () => {
  let problems = 0;
  await checkProperty(
    manifestText,
    (text) => {
      const parsed = parseManifests(text, 'fuzz.yaml');
      const resolved = parsed.diagnostics.length ? undefined : resolveStack(parsed.manifests, { stack: 'fuzz', defaultRegion: 'cn-southwest-2' });
      const diagnostics = [...parsed.diagnostics, ...(resolved?.diagnostics ?? [])];
      problems += diagnostics.length ? 1 : 0;
      for (const d of diagnostics) {
        assert.match(d.code, /^[A-Z_]+$/);
        assert.equal(d.position.file, 'fuzz.yaml');
        assert.ok(Number.isInteger(d.position.line) && d.position.line >= 1, `bad line in ${JSON.stringify(d.position)}`);
        assert.ok(typeof d.message === 'string' && d.message.length > 0 && d.message.length < 4000);
        assert.equal(typeof d.path, 'string');
      }
    },
    { numRuns: RUNS, seed: 31, describe: (t) => t.slice(0, 400) },
  );
  assert.ok(problems > RUNS / 2, `only ${problems} of ${RUNS} manifests were refused`);
});
