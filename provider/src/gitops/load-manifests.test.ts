import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifests } from './load-manifests.ts';
import type { Manifest } from './manifest.ts';
import { parseWithPositions } from './parse-with-positions.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'gitops');

/** Every path a diagnostic could name in a manifest, leaves and the maps above them, plus one that is missing. */
function pathsOf(value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`${prefix}[${i}]`, v] as const)
    : Object.entries(value).map(([k, v]) => [`${prefix}.${k}`, v] as const);
  return [prefix, `${prefix}.missing`, ...entries.flatMap(([p, v]) => pathsOf(v, p))];
}

function comparable(m: Manifest): unknown {
  const { positionOf: _ignored, ...rest } = m;
  return rest;
}

test('manifests read on the fast path are the ones the full parser gives, positions included', () => {
  for (const name of readdirSync(examples).filter((f) => f.endsWith('.yaml'))) {
    const text = readFileSync(join(examples, name), 'utf8');
    const fast = parseManifests(text, name);
    const full = parseWithPositions(text, name);
    assert.deepEqual(fast.diagnostics, []);
    assert.deepEqual(fast.manifests.map(comparable), full.manifests.map(comparable));
    fast.manifests.forEach((m, i) => {
      for (const path of ['kind', 'metadata.name', ...pathsOf(m.spec, 'spec'), ...pathsOf(m.labels, 'metadata.labels')]) {
        assert.deepEqual(m.positionOf(path), full.manifests[i]!.positionOf(path), `${name}: ${m.kind}/${m.name} ${path}`);
      }
    });
  }
});

test('a file with a problem is read in full, so every problem is reported where it is', () => {
  const good = 'apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata:\n  name: weights\nspec:\n  region: cn-southwest-2\n';
  const bad = 'apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata:\n  name: Bad_Name\n  colour: red\nspec:\n  region: cn-southwest-2\n';
  const parsed = parseManifests(`${good}---\n${bad}`, 'stack.yaml');
  assert.deepEqual(
    parsed.manifests.map((m) => m.name),
    ['weights'],
  );
  assert.deepEqual(
    parsed.diagnostics.map((d) => [d.code, d.path, `${d.position.line}:${d.position.column}`]),
    [
      ['UNKNOWN_FIELD', 'metadata.colour', '12:11'],
      ['INVALID_FORMAT', 'metadata.name', '11:9'],
    ],
  );
});

test('a trailing document separator is reported as before, not skipped', () => {
  const text = 'apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata:\n  name: weights\nspec:\n  region: cn-southwest-2\n---\n';
  assert.deepEqual(parseManifests(text, 's.yaml').diagnostics, parseWithPositions(text, 's.yaml').diagnostics);
  assert.equal(parseManifests(text, 's.yaml').diagnostics[0]?.code, 'MANIFEST_INVALID');
});

test('an alias without its anchor is a positioned error, not a crash', () => {
  const text = 'apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata:\n  name: weights\nspec:\n  region: *nowhere\n';
  const parsed = parseManifests(text, 's.yaml');
  assert.deepEqual(parsed.manifests, []);
  assert.deepEqual(
    parsed.diagnostics.map((d) => [d.code, `${d.position.line}:${d.position.column}`]),
    [['MANIFEST_INVALID', '1:1']],
  );
  assert.match(parsed.diagnostics[0]!.message, /Unresolved alias/);
});
