import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArtefacts, staleArtefacts } from './build.ts';
import { loadSchema } from './build/load-schema.ts';

test('the schema resolves and every property has a description and a type', () => {
  const s = loadSchema();
  assert.equal(s.name, 'aicloud');
  assert.deepEqual(s.resources.map((r) => r.token), [
    'aicloud:compute:Cluster', 'aicloud:compute:Queue', 'aicloud:storage:Volume', 'aicloud:storage:FileSystem',
    'aicloud:storage:Bucket', 'aicloud:inference:KvCachePool', 'aicloud:inference:ModelEndpoint',
  ]);
  assert.deepEqual(s.functions.map((f) => f.token), ['aicloud:compute:getCapacity', 'aicloud:compute:getAcceleratorTypes']);
  assert.ok(s.config.token.secret);
  assert.ok(s.resources.find((r) => r.token === 'aicloud:inference:ModelEndpoint')!.outputs.apiKey.secret);
});

test('generated files are up to date with schema/schema.json', () => {
  assert.deepEqual(staleArtefacts(), [], 'run npm run build');
});

test('every generated file says so in its first line', () => {
  for (const a of buildArtefacts()) assert.match(a.text.split('\n').slice(0, 3).join('\n'), /Generated from \S+ by scripts\/build\.ts/, a.path);
});
