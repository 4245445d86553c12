import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openControlPlane } from '../../controlplane/src/api/open-control-plane.ts';
import { checkInvariants, planNewCluster, writeTransaction } from '../../controlplane/src/cloud/index.ts';

const spec = { name: 'c1', region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 2, placement: 'supernode' } as const;

test('a transaction that throws after the allocator committed leaves neither rows nor holdings', async () => {
  const { cp, close } = await openControlPlane({ memory: true, timeScale: 0, bootstrapToken: 'unit-admin-token-0123456789' });
  try {
    const free = cp.allocator.capacity({ zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c' }).zones[0]!.free;
    await assert.rejects(
      () =>
        writeTransaction(cp, async () => {
          await planNewCluster(cp, 'default', 'cl-doomed', spec).commit(cp);
          assert.ok(cp.allocator.holdings('cl-doomed'), 'held in memory inside the transaction');
          throw new Error('the write after the allocation failed');
        }),
      /the write after the allocation failed/,
    );
    assert.equal(cp.allocator.holdings('cl-doomed'), undefined);
    assert.deepEqual(await cp.store.listAllocations(), []);
    assert.equal(cp.allocator.capacity({ zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c' }).zones[0]!.free, free);
    assert.deepEqual(await checkInvariants(cp), { ok: true, violations: [] });
  } finally {
    await close();
  }
});

test('the invariant check catches rows the allocator does not know and memory the database lacks', async () => {
  const { cp, close } = await openControlPlane({ memory: true, timeScale: 0, bootstrapToken: 'unit-admin-token-0123456789' });
  try {
    // Rows written behind the allocator's back: held twice on disk, and owned by no live resource.
    await cp.store.transaction(async () => {
      await cp.store.putHoldings([
        { owner: 'cl-ghost', server: 'cn-southwest-2a/sn-1/s01', project: 'default', parentOwner: null, mask: 0xff },
        { owner: 'cl-other', server: 'cn-southwest-2a/sn-1/s01', project: 'default', parentOwner: null, mask: 0x01 },
      ]);
    });
    const report = await checkInvariants(cp);
    assert.equal(report.ok, false);
    assert.ok(report.violations.includes('in the database: cn-southwest-2a/sn-1/s01/0 is held twice: by cl-ghost and cl-other'), report.violations.join('\n'));
    assert.ok(
      report.violations.some((v) => /^in the database: cl-ghost holds \d+ ascend-910c but is not a live resource$/.test(v)),
      report.violations.join('\n'),
    );
    assert.ok(report.violations.some((v) => v.startsWith('cl-ghost on cn-southwest-2a/sn-1/s01: the allocator holds mask 0, the database 11111111')));

    // And the other way round: memory that no row backs.
    await cp.store.transaction(() => cp.store.deleteHoldingsOf('cl-ghost'));
    await cp.store.transaction(() => cp.store.deleteHoldingsOf('cl-other'));
    const d = cp.allocator.place({
      owner: 'cl-memory-only',
      project: 'default',
      acceleratorType: 'ascend-910c',
      zone: 'cn-southwest-2a',
      count: 1,
      unit: 'servers',
      scope: 'zone',
    });
    assert.ok(d.ok);
    cp.allocator.commit('cl-memory-only', d);
    const second = await checkInvariants(cp);
    assert.ok(
      second.violations.some((v) => /^cl-memory-only holds 8 ascend-910c but is not a live resource$/.test(v)),
      second.violations.join('\n'),
    );
    assert.ok(
      second.violations.some((v) => /^cl-memory-only on .*: the allocator holds mask 11111111, the database 0$/.test(v)),
      second.violations.join('\n'),
    );
  } finally {
    await close();
  }
});
