import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { findManifestFiles } from '../../provider/src/gitops/index.ts';
import { exampleDir, repoRoot } from './harness.ts';

// Editors validate manifests with the generated JSON Schema (yaml-language-server); the CLI with the
// core. The example must pass both, and a mistake the schema can see must fail both.
async function editorSchema() {
  const schema = JSON.parse(await readFile(join(repoRoot, 'schema', 'generated', 'manifest.schema.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

test('every example manifest passes the editor schema', async () => {
  const check = await editorSchema();
  const files = await findManifestFiles(exampleDir);
  assert.ok(files.length >= 3);
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=/, `${file} points editors at the schema`);
    const docs = parseAllDocuments(text);
    for (const doc of Array.isArray(docs) ? docs : []) {
      const value: unknown = doc.toJS();
      assert.ok(check(value), `${file}: ${JSON.stringify(check.errors)}`);
    }
  }
});

test('the editor schema rejects what the loader rejects', async () => {
  const check = await editorSchema();
  const base = {
    apiVersion: 'aicloud.dev/v1',
    kind: 'Cluster',
    metadata: { name: 'a1' },
    spec: { zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 2 },
  };
  assert.ok(check(base), JSON.stringify(check.errors));
  assert.equal(check({ ...base, apiVersion: 'aicloud.dev/v2' }), false);
  assert.equal(check({ ...base, extra: 1 }), false);
  assert.equal(check({ ...base, spec: { ...base.spec, nodeCount: 0 } }), false);
});
