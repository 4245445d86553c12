import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { nodeAtPath, positionOf, splitPath } from './source-position.ts';

test('splits the core paths users see', () => {
  assert.deepEqual(splitPath('model.precision'), ['model', 'precision']);
  assert.deepEqual(splitPath('items[0].name'), ['items', 0, 'name']);
  assert.deepEqual(splitPath('labels["aicloud.dev/stack"]'), ['labels', 'aicloud.dev/stack']);
  assert.deepEqual(splitPath(''), []);
});

test('finds the line and column of a nested value, or of its nearest parent', () => {
  const text = 'kind: Cluster\nspec:\n  zone: cn-southwest-2a\n  model:\n    precision: fp8\n  list:\n    - a\n    - b\n';
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const at = (path: string) => positionOf('f.yaml', lc, nodeAtPath(doc.contents, splitPath(path)));
  assert.deepEqual(at('spec.model.precision'), { file: 'f.yaml', line: 5, column: 16 });
  assert.deepEqual(at('spec.list[1]'), { file: 'f.yaml', line: 8, column: 7 });
  // Missing leaf: the parent mapping is the best place to point at.
  assert.deepEqual(at('spec.model.kvBytesPerToken'), { file: 'f.yaml', line: 5, column: 5 });
});
