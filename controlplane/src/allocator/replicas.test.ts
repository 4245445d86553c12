import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInventory } from '../inventory/build-inventory.ts';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';
import type { Decision, Placement } from './types.ts';

function commit(a: Allocator, d: Decision): Placement {
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(d.owner, d);
  return d;
}

test('a replica of at most 8 stays in one server, and replicas spread over servers and supernodes', () => {
  const a = new Allocator(testInventory());
  commit(a, a.place(req('c1', { count: 6, scope: 'spread' })));
  const e = commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 3, acceleratorsPerReplica: 4 }));
  assert.equal(e.replicas!.length, 3);
  assert.ok(e.replicas!.every((r) => r.servers.length === 1 && r.acceleratorIds.length === 4));
  assert.equal(new Set(e.replicas!.map((r) => r.supernode)).size, 3);
  const f = commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e2', replicas: 3, acceleratorsPerReplica: 4 }));
  assert.equal(new Set(f.replicas!.map((r) => r.supernode)).size, 3);
  const ids = [...e.replicas!, ...f.replicas!].flatMap((r) => r.acceleratorIds);
  assert.equal(new Set(ids).size, 24);
});

test('a replica larger than a server takes whole servers of one supernode', () => {
  const a = new Allocator(testInventory());
  commit(a, a.place(req('c1', { count: 8, scope: 'spread' })));
  const e = commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 2, acceleratorsPerReplica: 16 }));
  for (const r of e.replicas!) {
    assert.equal(r.servers.length, 2);
    assert.equal(r.acceleratorIds.length, 16);
    assert.ok(r.acceleratorIds.every((id) => id.startsWith(`t-1a/${r.supernode}/`)));
  }
  assert.notEqual(e.replicas![0]!.supernode, e.replicas![1]!.supernode);
});

test('two endpoints of a cluster never share an accelerator, and the refusal says what fits', () => {
  const a = new Allocator(testInventory());
  commit(a, a.place(req('c1', { count: 2 })));
  const e1 = commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 1, acceleratorsPerReplica: 8 }));
  const e2 = commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e2', replicas: 2, acceleratorsPerReplica: 4 }));
  const ids1 = new Set(e1.replicas!.flatMap((r) => r.acceleratorIds));
  assert.ok(e2.replicas!.flatMap((r) => r.acceleratorIds).every((id) => !ids1.has(id)));
  const d = a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e3', replicas: 1, acceleratorsPerReplica: 1 });
  assert.ok(!d.ok);
  assert.equal(d.code, 'CAPACITY_EXHAUSTED');
  assert.equal(d.message, 'need 1 replica x 1 ascend-910c for e3 inside cluster c1; 0 fit; largest free block in the cluster: none');
  assert.ok(a.checkInvariants(new Set(['c1', 'e1', 'e2'])).ok);
});

test('placing an endpoint again replaces its replicas; releasing the cluster releases its endpoints', () => {
  const a = new Allocator(testInventory());
  commit(a, a.place(req('c1', { count: 2 })));
  commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 2, acceleratorsPerReplica: 8 }));
  commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 4, acceleratorsPerReplica: 4 }));
  assert.equal(a.holdings('e1')!.acceleratorCount, 16);
  assert.deepEqual(a.rowsFor('e1')[0], { acceleratorId: a.rowsFor('e1')[0]!.acceleratorId, owner: 'e1', project: 'p1', parentOwner: 'c1' });
  assert.deepEqual(a.release('c1').owners.sort(), ['c1', 'e1']);
  assert.equal(a.holdings('e1'), undefined);
  assert.ok(a.checkInvariants(new Set()).ok);
});

test('replica sizes follow the HCCS rule on 910B clusters', () => {
  const a = new Allocator(
    buildInventory({ regions: [{ name: 'r', zones: [{ name: 'r-a', servers: [{ acceleratorType: 'ascend-910b', count: 2, prefix: 'b' }] }] }] }),
  );
  commit(a, a.place(req('c1', { acceleratorType: 'ascend-910b', zone: 'r-a', count: 2, scope: 'zone' })));
  const d = a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 1, acceleratorsPerReplica: 3 });
  assert.ok(!d.ok);
  assert.equal(d.code, 'TOPOLOGY_MISMATCH');
  const e = commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e2', replicas: 4, acceleratorsPerReplica: 4 }));
  for (const r of e.replicas!) {
    const idx = r.acceleratorIds.map((id) => Number(id.split('/').pop()));
    assert.equal(new Set(idx.map((i) => (i < 4 ? 0 : 1))).size, 1);
  }
});

test('an endpoint needs a cluster that holds accelerators', () => {
  const a = new Allocator(testInventory());
  const d = a.placeReplicas({ clusterOwner: 'nope', endpointOwner: 'e1', replicas: 1, acceleratorsPerReplica: 1 });
  assert.ok(!d.ok);
  assert.equal(d.code, 'DEPENDENCY_NOT_FOUND');
});
