import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createVirtualClock, type VirtualClock } from '../../controlplane/src/operations/index.ts';
import { writeTransaction, runAdmission, loadAdmissionState, type ControlPlane } from '../../controlplane/src/cloud/index.ts';
import { join } from 'node:path';
import { checkProperty } from '../support/check-property.ts';
import { tempDir } from '../support/temp-dir.ts';
import { injectableControlPlane, type InjectableControlPlane } from '../support/inject-app.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2a';

type Step =
  | { op: 'create'; nodeCount: number; supernode: boolean; preemptible: boolean; priority: number; queued: boolean }
  | { op: 'delete'; pick: number }
  | { op: 'advance'; ms: number }
  | { op: 'defragment' }
  | { op: 'quota'; nominal: number }
  | { op: 'resize'; pick: number; nodeCount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      nodeCount: fc.integer({ min: 1, max: 48 }),
      supernode: fc.boolean(),
      preemptible: fc.boolean(),
      priority: fc.integer({ min: 0, max: 2 }),
      queued: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 1_000, max: 90_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'defragment' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('quota' as const), nominal: fc.integer({ min: 8 * 48, max: 4 * 384 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('resize' as const), pick: fc.nat(), nodeCount: fc.integer({ min: 1, max: 48 }) }) },
);

interface Instance {
  h: InjectableControlPlane;
  clock: VirtualClock;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** A control plane; `rebuild` makes it keep nothing between passes (every pass parses and builds anew). */
async function open(rebuild: boolean): Promise<Instance> {
  const clock = createVirtualClock();
  const h = await injectableControlPlane(undefined, { timeScale: 1, clock });
  if (rebuild) Object.defineProperty(h.cp, 'admission', { get: () => undefined, set: () => {}, configurable: true });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await h.app.inject({
      method: method as 'GET',
      url: path,
      headers: { authorization: `Bearer ${h.adminToken}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  return { h, clock, call };
}

/** Everything a user and the database see of admission, with the (random) resource ids replaced by names. */
async function observe(i: Instance): Promise<string> {
  const clusters = (await i.call('GET', `${P}/clusters?limit=500`)).body.items as {
    id: string;
    name: string;
    status: string;
    statusReason: string | null;
    allocation: unknown;
    outputs: unknown;
  }[];
  const seen = clusters.map((c) => ({ name: c.name, status: c.status, statusReason: c.statusReason, allocation: c.allocation, outputs: c.outputs }));
  let stored = JSON.stringify(await loadAdmissionState(i.h.cp.store));
  for (const c of clusters) stored = stored.split(c.id).join(`<${c.name}>`);
  // Move targets are held under an owner named after the moved cluster's id, so they are renamed with it.
  return JSON.stringify({ seen }, null, 1) + '\n' + stored;
}

async function apply(i: Instance, s: Step, n: number, names: string[]): Promise<unknown> {
  switch (s.op) {
    case 'create': {
      const name = `c${n}`;
      const spec = {
        name,
        zone: ZONE,
        acceleratorType: 'ascend-910c',
        nodeCount: s.nodeCount,
        placement: s.supernode ? 'supernode' : 'zone',
        ...(s.queued ? { queue: 'batch', preemptible: s.preemptible, priority: s.priority } : {}),
      };
      const r = await i.call('POST', `${P}/clusters`, spec);
      if (r.status === 202) names.push(name);
      return r.status;
    }
    case 'delete': {
      if (!names.length) return 'none';
      const name = names.splice(s.pick % names.length, 1)[0]!;
      return (await i.call('DELETE', `${P}/clusters/${name}`)).status;
    }
    case 'advance':
      i.clock.advance(s.ms);
      return (await i.call('GET', `${P}/clusters?limit=1`)).status;
    case 'defragment':
      return (await i.call('POST', '/v1/admin/defragment', {})).status;
    case 'resize': {
      // A running cluster grows or shrinks in place: its holding changes outside any admission pass.
      if (!names.length) return 'none';
      const r = await i.call('PATCH', `${P}/clusters/${names[s.pick % names.length]!}`, { nodeCount: s.nodeCount });
      return [r.status, r.body?.code];
    }
    case 'quota':
      return (await i.call('PATCH', `${P}/queues/batch`, { quotas: [{ acceleratorType: 'ascend-910c', nominal: s.nominal }] })).status;
  }
}

test('a control plane that keeps its admission state and view between passes decides and writes exactly as one that rebuilds every pass', async () => {
  await checkProperty(
    fc.array(step, { minLength: 10, maxLength: 40 }),
    async (steps) => {
      const kept = await open(false);
      const rebuilt = await open(true);
      try {
        for (const i of [kept, rebuilt]) {
          const q = await i.call('POST', `${P}/queues`, {
            name: 'batch',
            quotas: [{ acceleratorType: 'ascend-910c', nominal: 4 * 384 }],
            preemption: 'lowerPriority',
          });
          assert.equal(q.status, 202, JSON.stringify(q.body));
        }
        const names: [string[], string[]] = [[], []];
        for (const [n, s] of steps.entries()) {
          const a = await apply(kept, s, n, names[0]);
          const b = await apply(rebuilt, s, n, names[1]);
          assert.deepEqual(a, b, `step ${n} ${JSON.stringify(s)} answered differently`);
          assert.equal(await observe(kept), await observe(rebuilt), `after step ${n} ${JSON.stringify(s)}`);
        }
        const inv = (await kept.call('GET', '/v1/admin/invariants')).body;
        assert.deepEqual(inv.violations, []);
      } finally {
        await kept.h.close();
        await rebuilt.h.close();
      }
    },
    { numRuns: 16, seed: 1111, describe: (steps) => JSON.stringify(steps) },
  );
});

/** Fills the zone so that a queued gang waits, and returns the control plane with a view cached. */
async function withCachedView(): Promise<Instance> {
  const i = await open(false);
  assert.equal((await i.call('POST', `${P}/queues`, { name: 'batch', quotas: [{ acceleratorType: 'ascend-910c', nominal: 8 * 384 }] })).status, 202);
  for (let n = 0; n < 4; n++)
    assert.equal(
      (
        await i.call('POST', `${P}/clusters`, {
          name: `fill-${n}`,
          zone: ZONE,
          acceleratorType: 'ascend-910c',
          nodeCount: 46,
          placement: 'supernode',
          queue: 'batch',
        })
      ).status,
      202,
    );
  const g = await i.call('POST', `${P}/clusters`, {
    name: 'gang',
    zone: ZONE,
    acceleratorType: 'ascend-910c',
    nodeCount: 48,
    placement: 'supernode',
    queue: 'batch',
  });
  assert.equal(g.body.resource.status, 'pending', JSON.stringify(g.body));
  assert.ok(i.h.cp.admission?.view, 'the pass left its view cached');
  return i;
}

test('a write transaction that fails after a pass changed the cached view drops the cache, and the next pass decides from the database', async () => {
  const i = await withCachedView();
  try {
    const { cp } = i.h;
    const storedBefore = JSON.stringify(await loadAdmissionState(cp.store));
    const cachedBefore = cp.admission!;
    // A pass that admits the gang (a filler left), then a write that fails: all of it rolls back.
    await assert.rejects(
      () =>
        writeTransaction(cp, async () => {
          await releaseFiller(cp, 'fill-0');
          const decisions = await runAdmission(cp);
          assert.ok(
            decisions.some((d) => d.kind === 'admit'),
            'the pass admitted the gang inside the transaction',
          );
          throw new Error('a later write failed');
        }),
      /a later write failed/,
    );
    assert.equal(cp.admission, undefined, 'the cache is dropped');
    assert.notEqual(cachedBefore.view, undefined);
    assert.equal(JSON.stringify(await loadAdmissionState(cp.store)), storedBefore, 'the stored state is as before');
    assert.equal((await i.call('GET', `${P}/clusters/gang`)).body.status, 'pending');
    // The next pass reads the database again: nothing was freed, so the gang still waits, in the same place.
    await writeTransaction(cp, () => runAdmission(cp));
    assert.equal(JSON.stringify(await loadAdmissionState(cp.store)), storedBefore);
    assert.deepEqual((await i.call('GET', '/v1/admin/invariants')).body.violations, []);

    // A transaction that only saved a new state through the cache (no allocator change) and then failed.
    const { admissionStateOf, keepAdmissionState } = await import('../../controlplane/src/cloud/admission-state.ts');
    await writeTransaction(cp, () => runAdmission(cp));
    const again: ControlPlane = cp;
    assert.ok(again.admission?.view, 'a pass cached its view again');
    await assert.rejects(
      () =>
        writeTransaction(cp, async () => {
          const s = await admissionStateOf(cp);
          await keepAdmissionState(cp, { ...s, pending: [] }, (view) => view.pending.clear());
          throw new Error('the write after the save failed');
        }),
      /the write after the save failed/,
    );
    assert.equal(cp.admission, undefined, 'the cache is dropped without any allocator change');
    const after = await writeTransaction(cp, () => admissionStateOf(cp));
    assert.equal(after.pending.length, 1, 'the gang still waits: the rolled-back save is not believed');
  } finally {
    await i.h.close();
  }
});

test('a save of the admission state that bypasses the cache makes the cached copy stale', async () => {
  const i = await withCachedView();
  try {
    const { cp } = i.h;
    const { saveAdmissionState, loadAdmissionState, admissionStateOf } = await import('../../controlplane/src/cloud/admission-state.ts');
    const cached = cp.admission!.state;
    await cp.store.transaction(async () => {
      const s = await loadAdmissionState(cp.store);
      await saveAdmissionState(cp.store, { ...s, pending: [] });
    });
    const now = await writeTransaction(cp, () => admissionStateOf(cp));
    assert.notEqual(now, cached);
    assert.deepEqual(now.pending, []);
  } finally {
    await i.h.close();
  }
});

/** Deletes a filler the way its delete operation would, inside the caller's transaction. */
async function releaseFiller(cp: ControlPlane, name: string): Promise<void> {
  const { forgetQueuedWork } = await import('../../controlplane/src/cloud/admission-pass.ts');
  const r = await cp.store.getResource('default', 'Cluster', name);
  assert.ok(r);
  await forgetQueuedWork(cp, r.id);
  await cp.store.deleteHoldingsOf(r.id);
  cp.allocatorEpoch++;
  cp.allocator.release(r.id);
}

test('a holding resized outside any pass is seen by the next pass on the kept view, as by a rebuilt one', async () => {
  const kept = await open(false);
  const rebuilt = await open(true);
  try {
    const seen: string[] = [];
    for (const i of [kept, rebuilt]) {
      const run = async (method: string, path: string, body?: unknown) => {
        const r = await i.call(method, path, body);
        seen.push(`${method} ${path} ${r.status} ${r.body?.resource?.status ?? r.body?.status ?? ''} ${r.body?.code ?? ''}`);
        return r;
      };
      await run('POST', `${P}/queues`, { name: 'batch', quotas: [{ acceleratorType: 'ascend-910c', nominal: 8 * 384 }] });
      for (let n = 0; n < 4; n++)
        await run('POST', `${P}/clusters`, {
          name: `fill-${n}`,
          zone: ZONE,
          acceleratorType: 'ascend-910c',
          nodeCount: 44,
          placement: 'supernode',
          queue: 'batch',
          preemptible: true,
        });
      for (let n = 0; n < 4; n++)
        await run('POST', `${P}/clusters`, {
          name: `frag-${n}`,
          zone: ZONE,
          acceleratorType: 'ascend-910c',
          nodeCount: 2,
          placement: 'zone',
          queue: 'batch',
          preemptible: true,
        });
      await run('POST', `${P}/clusters`, { name: 'gang', zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode', queue: 'batch' });
      i.clock.advance(60_000);
      for (let n = 0; n < 4; n++) await run('PATCH', `${P}/clusters/fill-${n}`, { nodeCount: 40 + n });
      i.clock.advance(60_000);
      await run('POST', '/v1/admin/defragment', {});
      i.clock.advance(60_000);
      await run('GET', `${P}/clusters/gang`);
    }
    assert.deepEqual(seen.slice(0, seen.length / 2), seen.slice(seen.length / 2));
    assert.equal(await observe(kept), await observe(rebuilt));
    assert.deepEqual((await kept.call('GET', '/v1/admin/invariants')).body.violations, []);
  } finally {
    await kept.h.close();
    await rebuilt.h.close();
  }
});

test('a control plane whose kept view another process made stale reads the state again before its next pass', async (t) => {
  const dir = tempDir(t);
  const clock = createVirtualClock();
  const opts = { memory: false, dbPath: join(dir.path, 'cloud.db'), sharedFile: true, timeScale: 1, clock };
  const a = await injectableControlPlane(t, opts);
  const b = await injectableControlPlane(t, opts);
  const caller = (h: InjectableControlPlane) => async (method: string, path: string, body?: unknown) => {
    const res = await h.app.inject({
      method: method as 'GET',
      url: path,
      headers: { authorization: `Bearer ${h.adminToken}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const [callA, callB] = [caller(a), caller(b)];
  const gang = (name: string, nodeCount: number, extra: Record<string, unknown> = {}) => ({
    name,
    zone: ZONE,
    acceleratorType: 'ascend-910c',
    nodeCount,
    placement: 'supernode',
    queue: 'batch',
    ...extra,
  });
  assert.equal((await callA('POST', `${P}/queues`, { name: 'batch', quotas: [{ acceleratorType: 'ascend-910c', nominal: 8 * 384 }] })).status, 202);
  for (let n = 0; n < 4; n++) assert.equal((await callA('POST', `${P}/clusters`, gang(`fill-${n}`, 46))).status, 202);
  assert.equal((await callA('POST', `${P}/clusters`, gang('first', 48))).body.resource.status, 'pending');
  assert.ok(a.cp.admission?.view, 'A keeps its view');
  clock.advance(60_000);

  // B frees a supernode; its own pass admits the waiting gang.
  assert.equal((await callB('DELETE', `${P}/clusters/fill-0`)).status, 202);
  clock.advance(60_000);
  assert.match((await callB('GET', `${P}/clusters/first`)).body.status, /^(provisioning|ready)$/, 'B admitted the gang');

  // A's next change must not decide on its kept view (which still has `first` waiting and `fill-0` running).
  const second = await callA('POST', `${P}/clusters`, gang('second', 48));
  assert.equal(second.body.resource.status, 'pending', 'no supernode is free: fill-0 went, and first took its place');
  const stateA = await writeTransaction(a.cp, async () =>
    JSON.stringify(await (await import('../../controlplane/src/cloud/admission-state.ts')).admissionStateOf(a.cp)),
  );
  assert.equal(stateA, JSON.stringify(await loadAdmissionState(b.cp.store)));
  assert.ok(
    JSON.parse(stateA).pending.some((p: { id: string }) => p.id === second.body.resource.id),
    'second waits in the shared state',
  );
  assert.ok(!JSON.parse(stateA).pending.some((p: { id: string }) => p.id !== second.body.resource.id), 'first no longer waits');
  assert.deepEqual((await callA('GET', '/v1/admin/invariants')).body.violations, []);
  assert.deepEqual((await callB('GET', '/v1/admin/invariants')).body.violations, []);
});
