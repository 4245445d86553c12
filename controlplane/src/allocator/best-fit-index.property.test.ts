import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInventory } from '../inventory/index.ts';
import { Allocator } from './allocator.ts';
import { createPolicy } from './policies/index.ts';
import { seededRandom } from './seeded-random.ts';
import type { Policy } from './policy.ts';
import { req } from './testing.ts';

/** One zone of 80 small supernodes (past the length from which a best-fit policy uses the index), and a few loose servers. */
const inventory = () =>
  buildInventory({
    shapes: { mini: { acceleratorType: 'ascend-910c', serversPerSupernode: 4 } },
    regions: [
      {
        name: 't-1',
        zones: [{ name: 't-1a', supernodes: [{ shape: 'mini', count: 80 }], servers: [{ acceleratorType: 'ascend-910b', count: 4, prefix: 'b' }] }],
      },
    ],
  });

for (const name of ['fgd-pack', 'best-fit'] as const) {
  for (const instance of [0, 2]) {
    test(`${name}, instance ${instance}: looking at blocks by whole free servers decides exactly as scoring every block`, () => {
      const indexed = createPolicy(name);
      assert.equal(indexed.blockScoreIsFreeServers, true);
      const scanned: Policy = { ...indexed, blockScoreIsFreeServers: false };
      const a = new Allocator(inventory(), { policy: indexed });
      const b = new Allocator(inventory(), { policy: scanned });
      a.useTieOrder(instance);
      b.useTieOrder(instance);
      const rng = seededRandom(7 + instance);
      const live: string[] = [];
      for (let step = 0; step < 600; step++) {
        const r = rng();
        if (r < 0.3 && live.length) {
          const owner = live.splice(Math.floor(rng() * live.length), 1)[0]!;
          assert.deepEqual(a.release(owner), b.release(owner));
          continue;
        }
        if (r < 0.4) {
          // Another instance changed a few supernodes: both avoid them alike.
          const servers = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => `t-1a/${a.topology.serverName[Math.floor(rng() * 320)]}`);
          a.noteChangedElsewhere(servers);
          b.noteChangedElsewhere(servers);
          continue;
        }
        const owner = `c${step}`;
        const ask = req(owner, { count: 1 + Math.floor(rng() * 4), scope: rng() < 0.5 ? 'zone' : 'supernode' });
        const da = a.place(ask);
        const db = b.place(ask);
        assert.deepEqual(da, db, `step ${step}: ${JSON.stringify(ask)}`);
        if (da.ok && db.ok) {
          a.commit(owner, da);
          b.commit(owner, db);
          live.push(owner);
        }
      }
      assert.ok(live.length > 20, 'the run kept enough clusters to fill supernodes');
    });
  }
}
