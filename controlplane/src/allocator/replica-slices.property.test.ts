import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { seededRandom } from './seeded-random.ts';
import { testInventory } from './testing.ts';
import type { Decision } from './types.ts';

const PROFILES = ['1g.18gb', '2g.35gb', '3g.71gb'];

/**
 * Random sequences of partitioned and whole H200 clusters, endpoints on them (with and without a
 * profile), rescales and releases: after every step the invariants hold, no instance serves two
 * endpoints, and an allocator rebuilt from the rows holds exactly the same.
 */
test('random endpoint-instance workloads keep the invariants and reload to the same holdings', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const rnd = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const a = new Allocator(testInventory(), { policy: 'best-fit' });
    const clusters: string[] = [];
    const endpoints = new Map<string, string>();
    let placed = 0;
    for (let step = 0; step < 60; step++) {
      const r = rnd();
      let d: Decision | undefined;
      let owner = '';
      if (r < 0.25 || clusters.length === 0) {
        owner = `c${step}`;
        d =
          rnd() < 0.5
            ? a.place({
                owner,
                project: 'p1',
                acceleratorType: 'nvidia-h200',
                zone: 't-1b',
                count: 1 + Math.floor(rnd() * 4),
                unit: 'accelerators',
                scope: 'server',
                profile: pick(PROFILES),
              })
            : a.place({ owner, project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: 1, unit: 'servers', scope: 'zone' });
        if (d.ok) clusters.push(owner);
      } else if (r < 0.7) {
        const cluster = pick(clusters);
        const held = a.holdings(cluster)!;
        owner = endpoints.size > 0 && rnd() < 0.3 ? pick([...endpoints.keys()]) : `e${step}`;
        if (endpoints.has(owner) && endpoints.get(owner) !== cluster) continue;
        const profiled = held.profile !== undefined || rnd() < 0.7;
        d = a.placeReplicas({
          clusterOwner: cluster,
          endpointOwner: owner,
          replicas: 1 + Math.floor(rnd() * 5),
          acceleratorsPerReplica: profiled ? 1 : pick([1, 2, 4]),
          ...(profiled ? { profile: held.profile ?? pick(PROFILES) } : {}),
        });
        if (d.ok) endpoints.set(owner, cluster);
      } else {
        const victim = pick([...clusters, ...endpoints.keys()]);
        for (const gone of a.release(victim).owners) {
          endpoints.delete(gone);
          const i = clusters.indexOf(gone);
          if (i >= 0) clusters.splice(i, 1);
        }
        continue;
      }
      if (d.ok) {
        a.commit(owner, d);
        placed++;
      }
      const live = new Set(a.owners());
      const report = a.checkInvariants(live);
      assert.ok(report.ok, `seed ${seed} step ${step}: ${report.violations.join('\n')}`);
      // No instance serves two endpoints, and every cut or taken instance belongs to a live endpoint.
      const used = new Set<string>();
      for (const e of endpoints.keys()) {
        for (const s of a.holdings(e)?.slices ?? []) {
          const k = `${s.acceleratorId}@${s.start}`;
          if (s.start >= 0) assert.ok(!used.has(k), `seed ${seed}: ${k} serves two endpoints`);
          used.add(k);
        }
      }
    }
    const rows = a.owners().flatMap((o) => a.rowsFor(o));
    const b = new Allocator(testInventory(), { policy: 'best-fit' });
    b.load(rows);
    const clean = b.checkInvariants(new Set(b.owners()));
    assert.ok(clean.ok, `seed ${seed} reload: ${clean.violations.join('\n')}`);
    const view = (x: Allocator) =>
      x
        .owners()
        .sort()
        .map((o) => {
          const h = x.holdings(o)!;
          return `${o}:${h.parentOwner ?? ''}:${h.servers.map((s) => s.acceleratorIds.join(',')).join('|')}:${(h.slices ?? [])
            .map((s) => `${s.acceleratorId}@${s.start}`)
            .sort()
            .join(',')}`;
        });
    assert.deepEqual(view(b), view(a), `seed ${seed}`);
    assert.deepEqual(b.capacity(), a.capacity(), `seed ${seed}`);
    assert.ok(placed > 10, `seed ${seed} placed only ${placed}`);
  }
});
