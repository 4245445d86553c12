import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DependencyGraph } from './dependency-graph.ts';

test('orders dependencies before dependents', () => {
  const g = new DependencyGraph();
  g.addEdge('ModelEndpoint/r1', 'KvCachePool/kv');
  g.addEdge('ModelEndpoint/r1', 'Cluster/infer');
  g.addEdge('KvCachePool/kv', 'Cluster/infer');
  g.addNode('Bucket/w');
  const order = g.topologicalOrder();
  assert.deepEqual(order, ['Bucket/w', 'Cluster/infer', 'KvCachePool/kv', 'ModelEndpoint/r1']);
  assert.deepEqual(g.dependentsOf('Cluster/infer'), ['KvCachePool/kv', 'ModelEndpoint/r1']);
});

test('names a cycle in dependency order, closed on its first node', () => {
  const g = new DependencyGraph();
  g.addEdge('A', 'B');
  g.addEdge('B', 'C');
  g.addEdge('C', 'A');
  g.addEdge('D', 'A');
  assert.deepEqual(g.findCycle(), ['A', 'B', 'C', 'A']);
  assert.throws(() => g.topologicalOrder(), /A -> B -> C -> A/);
});

test('a self reference is a cycle of one', () => {
  const g = new DependencyGraph();
  g.addEdge('X', 'X');
  assert.deepEqual(g.findCycle(), ['X', 'X']);
});

test('no cycle in a diamond', () => {
  const g = new DependencyGraph();
  g.addEdge('A', 'B');
  g.addEdge('A', 'C');
  g.addEdge('B', 'D');
  g.addEdge('C', 'D');
  assert.equal(g.findCycle(), undefined);
});

test('a chain longer than the call stack is ordered without overflowing', () => {
  const g = new DependencyGraph();
  const n = 50_000;
  for (let i = 1; i < n; i++) g.addEdge(`r${i}`, `r${i - 1}`);
  const order = g.topologicalOrder();
  assert.equal(order.length, n);
  assert.equal(order[0], 'r0');
  assert.equal(order[n - 1], `r${n - 1}`);
});

test('an edge added after an answer changes the next answer', () => {
  const g = new DependencyGraph();
  g.addEdge('A', 'B');
  assert.equal(g.findCycle(), undefined);
  assert.deepEqual(g.topologicalOrder(), ['B', 'A']);
  assert.deepEqual(g.dependenciesOf('B'), []);
  g.addEdge('B', 'A');
  assert.deepEqual(g.dependenciesOf('B'), ['A']);
  assert.deepEqual(g.findCycle(), ['A', 'B', 'A']);
});

test('answers are copies: changing one does not change the graph', () => {
  const g = new DependencyGraph();
  g.addEdge('A', 'B');
  g.topologicalOrder().reverse();
  g.dependenciesOf('A').push('Z');
  assert.deepEqual(g.topologicalOrder(), ['B', 'A']);
  assert.deepEqual(g.dependenciesOf('A'), ['B']);
});
