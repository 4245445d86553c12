import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInProcess, scratch } from '../gitops/harness.ts';

test('plan --lease holds the previewed placement, capacity lists it, and apply gets exactly it', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    const out = join(s.root, 'plan.json');
    const plan = await runInProcess([...base, 'plan', s.stackDir, '--out', out, '--lease', '30m']);
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stderr, /Leased 320 accelerators for it until .* \(lease lse-[0-9a-f]+\)/);
    const saved = JSON.parse(await readFile(out, 'utf8'));
    assert.match(saved.lease.id, /^lse-/);
    assert.match(saved.lease.planDigest, /^sha256:[0-9a-f]{64}$/);
    const held = saved.lease.holdings.find((h: { address: string }) => h.address === 'Cluster/train-a');
    assert.equal(held.acceleratorCount, 256);
    const outcome = saved.placement.outcomes.find((o: { address: string; action: string }) => o.address === 'Cluster/train-a' && o.action === 'create');
    assert.deepEqual(outcome.servers, held.servers, 'the saved plan shows what is leased');

    const capacity = await runInProcess([...base, 'capacity']);
    assert.equal(capacity.code, 0, capacity.stderr);
    assert.match(capacity.stdout, new RegExp(`lease ${saved.lease.id} \\(.*\\): 320 accelerators until`));
    assert.match(capacity.stdout, /Cluster\/train-a: 256 ascend-910c in sn-\d+ \(32 servers\)/);

    const extended = await runInProcess([...base, 'lease', 'extend', saved.lease.id, '--by', '30m']);
    assert.equal(extended.code, 0, extended.stderr);
    assert.equal(Date.parse(extended.stdout.match(/expires at (\S+)\./)![1]!) - Date.parse(saved.lease.expiresAt), 30 * 60_000);

    const apply = await runInProcess([...base, 'apply', out, '--auto-approve']);
    assert.equal(apply.code, 0, apply.stderr);
    const { CloudClient } = await import('../../provider/src/client/index.ts');
    const cloud = await CloudClient.connect({ dataDir: s.dataDir });
    try {
      const cluster = await cloud.get('Cluster', 'train-a');
      assert.deepEqual((cluster!.allocation as { servers: string[] }).servers, held.servers);
      const { getLease } = await import('../../provider/src/client/index.ts');
      assert.equal((await getLease(cloud, saved.lease.id)).status, 'consumed');
    } finally {
      await cloud.close();
    }
  } finally {
    await s.cleanup();
  }
});

test('a released lease and a stale plan are refused at apply with the reason', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    const out = join(s.root, 'plan.json');
    assert.equal((await runInProcess([...base, 'plan', s.stackDir, '--out', out, '--lease', '10m'])).code, 0);
    const { lease } = JSON.parse(await readFile(out, 'utf8'));
    const released = await runInProcess([...base, 'lease', 'release', lease.id]);
    assert.equal(released.code, 0, released.stderr);
    assert.match(released.stdout, /Released lease lse-\S+; 320 accelerators are free again\./);
    const refused = await runInProcess([...base, 'apply', out, '--auto-approve']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /LEASE_EXPIRED/);
    assert.match(refused.stderr, new RegExp(`lease ${lease.id} was released at .*; its accelerators were freed`));

    const second = join(s.root, 'second.json');
    assert.equal((await runInProcess([...base, 'plan', s.stackDir, '--out', second, '--lease', '10m'])).code, 0);
    const lease2 = JSON.parse(await readFile(second, 'utf8')).lease;
    // The stack moves before the saved plan is applied.
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const stale = await runInProcess([...base, 'apply', second, '--auto-approve']);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /PLAN_STALE/);
    assert.match(stale.stderr, new RegExp(`its lease ${lease2.id} is refused and stays held until`));
    const withoutLease = await runInProcess([...base, 'plan', s.stackDir, '--out', join(s.root, 'x.json'), '--lease', '1m']);
    assert.equal(withoutLease.code, 1, 'a plan that creates no cluster has nothing to lease');
    assert.match(withoutLease.stderr, /creates no cluster/);
  } finally {
    await s.cleanup();
  }
});
