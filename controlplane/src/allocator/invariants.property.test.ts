import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Allocator } from './allocator.ts';
import { POLICY_NAMES } from './policies/policy-registry.ts';
import { testInventory } from './testing.ts';
import { PARTITION_CATALOGUE } from '../../../core/index.ts';
import type { AllocationRequest, Scope, Unit } from './types.ts';

const TYPES = [
  { type: 'ascend-910c', zone: 't-1a' },
  { type: 'ascend-910c', zone: 't-1b' },
  { type: 'ascend-910b', zone: 't-1a' },
  { type: 'nvidia-h200', zone: 't-1b' },
];

const step = fc.oneof(
  fc.record({
    op: fc.constant('place' as const),
    owner: fc.integer({ min: 0, max: 11 }),
    type: fc.integer({ min: 0, max: 3 }),
    count: fc.integer({ min: 1, max: 20 }),
    unit: fc.constantFrom<Unit>('servers', 'accelerators'),
    scope: fc.constantFrom<Scope>('server', 'supernode', 'zone', 'spread'),
  }),
  fc.record({
    op: fc.constant('grow' as const),
    owner: fc.integer({ min: 0, max: 11 }),
    count: fc.integer({ min: 1, max: 3 }),
    scope: fc.constantFrom<Scope>('supernode', 'zone', 'spread'),
  }),
  fc.record({ op: fc.constant('shrink' as const), owner: fc.integer({ min: 0, max: 11 }), servers: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('release' as const), owner: fc.integer({ min: 0, max: 15 }) }),
  fc.record({
    op: fc.constant('replicas' as const),
    owner: fc.integer({ min: 0, max: 11 }),
    endpoint: fc.integer({ min: 0, max: 3 }),
    replicas: fc.integer({ min: 1, max: 4 }),
    per: fc.constantFrom(1, 2, 4, 8, 16),
  }),
  fc.record({ op: fc.constant('faulty' as const), server: fc.nat(), index: fc.integer({ min: 0, max: 7 }), on: fc.boolean() }),
  fc.record({ op: fc.constant('drain' as const), server: fc.nat(), on: fc.boolean() }),
  fc.record({
    op: fc.constant('slice' as const),
    owner: fc.integer({ min: 0, max: 11 }),
    type: fc.integer({ min: 0, max: 3 }),
    profile: fc.nat(),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ op: fc.constant('unslice' as const), owner: fc.integer({ min: 0, max: 11 }) }),
  fc.record({ op: fc.constant('preview' as const), owner: fc.integer({ min: 0, max: 11 }), count: fc.integer({ min: 1, max: 6 }) }),
);

test('random requests, partitions, growth, shrink, replicas, health marks and releases never break the invariants', () => {
  fc.assert(
    fc.property(fc.constantFrom(...POLICY_NAMES), fc.integer({ min: 1, max: 1000 }), fc.array(step, { minLength: 1, maxLength: 60 }), (policy, seed, steps) => {
      const a = new Allocator(testInventory(), { policy, seed });
      const topo = a.topology;
      const live = new Set<string>();
      const meta = new Map<string, AllocationRequest>();
      for (const s of steps) {
        const before = JSON.stringify(a.capacity());
        switch (s.op) {
          case 'place': {
            const owner = `c${s.owner}`;
            if (live.has(owner)) break;
            const t = TYPES[s.type]!;
            const r: AllocationRequest = { owner, project: 'p', acceleratorType: t.type, zone: t.zone, count: s.count, unit: s.unit, scope: s.scope };
            const d = a.place(r);
            assert.equal(JSON.stringify(a.capacity()), before, 'place changed state');
            if (d.ok) {
              for (const srv of d.servers) {
                const cap = a
                  .capacity({ zone: d.zone })
                  .zones.flatMap((z) => z.servers)
                  .find((x) => x.serverId === srv.serverId)!;
                assert.ok(!cap.draining, 'placed on a draining server');
              }
              a.commit(owner, d);
              live.add(owner);
              meta.set(owner, r);
            } else {
              assert.ok(d.message.length > 0);
            }
            break;
          }
          case 'grow': {
            const owner = `c${s.owner}`;
            const r = meta.get(owner);
            if (!r || !live.has(owner)) break;
            const d = a.grow(owner, { ...r, count: s.count, unit: 'servers', scope: s.scope });
            if (d.ok) {
              if (s.scope === 'supernode') {
                const held = new Set(a.holdings(owner)!.supernodes);
                assert.ok(
                  d.supernodes.every((sn) => held.has(sn)),
                  'supernode growth left its supernode',
                );
              }
              a.commit(owner, d);
            }
            break;
          }
          case 'shrink': {
            const owner = `c${s.owner}`;
            const h = a.holdings(owner);
            if (!h || h.servers.length <= s.servers) break;
            a.releaseServers(owner, a.shrinkPlan(owner, s.servers));
            break;
          }
          case 'release': {
            const owner = s.owner < 12 ? `c${s.owner}` : `c${s.owner - 12}-e0`;
            for (const o of a.release(owner).owners) live.delete(o);
            break;
          }
          case 'replicas': {
            const cluster = `c${s.owner}`;
            if (!live.has(cluster)) break;
            const endpoint = `${cluster}-e${s.endpoint}`;
            const d = a.placeReplicas({ clusterOwner: cluster, endpointOwner: endpoint, replicas: s.replicas, acceleratorsPerReplica: s.per });
            if (d.ok) {
              a.commit(endpoint, d);
              live.add(endpoint);
            }
            break;
          }
          case 'faulty': {
            const srv = s.server % topo.serverCount;
            if (s.index >= topo.layoutOf(srv).count) break;
            a.markFaulty(topo.acceleratorName(srv, s.index), s.on);
            break;
          }
          case 'drain': {
            const srv = s.server % topo.serverCount;
            a.drainServer(`${topo.zoneNames[topo.serverZone[srv]!]}/${topo.serverName[srv]}`, s.on);
            break;
          }
          case 'slice': {
            const owner = `s${s.owner}`;
            if (live.has(owner)) break;
            const t = TYPES[s.type]!;
            const catalogue = PARTITION_CATALOGUE[t.type]!;
            const profile = catalogue.profiles[s.profile % catalogue.profiles.length]!.name;
            const d = a.place({ owner, project: 'p', acceleratorType: t.type, zone: t.zone, count: s.count, unit: 'accelerators', scope: 'server', profile });
            assert.equal(JSON.stringify(a.capacity()), before, 'place of a partition changed state');
            if (d.ok) {
              a.commit(owner, d);
              live.add(owner);
            }
            break;
          }
          case 'unslice': {
            for (const o of a.release(`s${s.owner}`).owners) live.delete(o);
            break;
          }
          case 'preview': {
            a.preview([{ owner: `p${s.owner}`, project: 'p', acceleratorType: 'ascend-910c', zone: 't-1a', count: s.count, unit: 'servers', scope: 'zone' }], {
              releases: [...live].slice(0, 2),
            });
            assert.equal(JSON.stringify(a.capacity()), before, 'preview changed state');
            break;
          }
        }
        // Endpoints vanish when their cluster shrinks them to nothing.
        for (const o of [...live]) if (!a.holdings(o)) live.delete(o);
        const report = a.checkInvariants(live);
        assert.ok(report.ok, `after ${JSON.stringify(s)}: ${report.violations.join('; ')}`);
      }
      const rows = [...live].flatMap((o) => a.rowsFor(o));
      const b = new Allocator(testInventory(), { policy });
      b.load(rows);
      assert.ok(b.checkInvariants(live).ok);
      // Slices and whole holdings come back exactly (host shares and health marks are not rows).
      for (const o of live) assert.deepEqual(b.holdings(o), a.holdings(o));
    }),
    { numRuns: 150 },
  );
});
