import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from './load-manifests.ts';
import { resolveStack } from './resolve-stack.ts';
import { formatPosition } from './source-position.ts';

const cluster = (name: string) => `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: ${name}
spec:
  zone: cn-southwest-2a
  acceleratorType: ascend-910c
  nodeCount: 2
`;
const pool = (name: string, clusterName: string) => `apiVersion: aicloud.dev/v1
kind: KvCachePool
metadata:
  name: ${name}
spec:
  region: cn-southwest-2
  cluster: ${clusterName}
  tiers:
    hbmGib: 8
`;

function resolve(text: string) {
  const parsed = parseManifests(text, 'stack.yaml');
  assert.deepEqual(parsed.diagnostics, []);
  return resolveStack(parsed.manifests, { stack: 'ml' });
}

test('references become dependencies and resources come out in dependency order', () => {
  const result = resolve(`${pool('kv', 'train')}---\n${cluster('train')}`);
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(
    result.desired.map((d) => [d.kind, d.name, d.dependsOn]),
    [
      ['Cluster', 'train', []],
      ['KvCachePool', 'kv', ['Cluster/train']],
    ],
  );
  assert.equal((result.desired[0]!.inputs.labels as Record<string, string>)['aicloud.dev/stack'], 'ml');
  assert.equal((result.desired[0]!.inputs.labels as Record<string, string>)['aicloud.dev/address'], 'Cluster/train');
});

test('a dangling reference points at the field and names what exists', () => {
  const result = resolve(`${cluster('train')}---\n${pool('kv', 'trian')}`);
  assert.equal(result.diagnostics.length, 1);
  const d = result.diagnostics[0]!;
  assert.equal(d.code, 'DANGLING_REFERENCE');
  assert.equal(d.path, 'spec.cluster');
  assert.equal(d.value, 'trian');
  assert.equal(formatPosition(d.position), 'stack.yaml:16:12');
  assert.match(d.hint ?? '', /train/);
});

test('a duplicate name is reported at the second declaration, citing the first', () => {
  const result = resolve(`${cluster('train')}---\n${cluster('train')}`);
  assert.equal(result.diagnostics[0]?.code, 'DUPLICATE_NAME');
  assert.equal(formatPosition(result.diagnostics[0]!.position), 'stack.yaml:13:9');
  assert.match(result.diagnostics[0]!.message, /first at stack\.yaml:4:9/);
});

test('the core validates specs and its paths map back to lines', () => {
  const result = resolve(cluster('train').replace('nodeCount: 2', 'nodeCount: 0').replace('ascend-910c', 'ascend-9000'));
  const byPath = Object.fromEntries(result.diagnostics.map((d) => [d.path, formatPosition(d.position)]));
  assert.equal(byPath['spec.nodeCount'], 'stack.yaml:8:14');
  assert.equal(byPath['spec.acceleratorType'], 'stack.yaml:7:20');
});

test('users may not set the labels the stack manages', () => {
  const text = cluster('train').replace('  name: train\n', '  name: train\n  labels:\n    aicloud.dev/stack: other\n');
  const result = resolve(text);
  assert.equal(result.diagnostics[0]?.code, 'INVALID_VALUE');
  assert.equal(result.diagnostics[0]?.path, 'metadata.labels["aicloud.dev/stack"]');
  assert.equal(formatPosition(result.diagnostics[0]!.position), 'stack.yaml:6:24');
});

test('unknown kinds and structural mistakes are positioned too', () => {
  const parsed = parseManifests('apiVersion: aicloud.dev/v2\nkind: Cluster\nmetadata:\n  name: Bad_Name\nextra: 1\n', 'x.yaml');
  assert.deepEqual(
    parsed.diagnostics.map((d) => [d.code, d.path, formatPosition(d.position)]),
    [
      ['UNKNOWN_FIELD', 'extra', 'x.yaml:5:8'],
      ['INVALID_VALUE', 'apiVersion', 'x.yaml:1:13'],
      ['INVALID_FORMAT', 'metadata.name', 'x.yaml:4:9'],
      ['MISSING_FIELD', 'spec', 'x.yaml:1:1'],
    ],
  );
  const unknownKind = resolveStack(parseManifests('apiVersion: aicloud.dev/v1\nkind: Clustr\nmetadata:\n  name: a1\nspec: {}\n', 'y.yaml').manifests, {
    stack: 's',
  });
  assert.equal(unknownKind.diagnostics[0]?.code, 'INVALID_VALUE');
  assert.equal(formatPosition(unknownKind.diagnostics[0]!.position), 'y.yaml:2:7');
});

test('YAML syntax errors carry their position', () => {
  const parsed = parseManifests('kind: Cluster\nmetadata:\n  name: [unclosed\n', 'z.yaml');
  assert.equal(parsed.diagnostics[0]?.code, 'MANIFEST_INVALID');
  assert.equal(parsed.diagnostics[0]?.position.file, 'z.yaml');
  assert.ok(parsed.diagnostics[0]!.position.line >= 3);
});
