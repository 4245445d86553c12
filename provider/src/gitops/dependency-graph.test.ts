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
