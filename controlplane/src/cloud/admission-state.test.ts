import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AdmissionState, RunningWork } from '../admission/index.ts';
import { openSqliteStore } from '../store/index.ts';
import { admissionStateOf, keepAdmissionState, loadAdmissionState, saveAdmissionState, STATE_CHUNK } from './admission-state.ts';
import type { ControlPlane } from './control-plane.ts';

const work = (id: string): RunningWork => ({
  id,
  request: { owner: id, project: 'p', acceleratorType: 'ascend-910c', zone: 'z', count: 8, unit: 'accelerators', scope: 'server' },
  queue: 'p/q',
  priority: 0,
  preemptible: false,
  movable: true,
  accelerators: 8,
  admittedAt: 0,
});

const state = (running: RunningWork[]): AdmissionState => ({ queues: [], pending: [], running, reservations: [], moves: [] });

/** A control plane with only what the state's storage uses: the store and the cache. */
function storeOnly() {
  const store = openSqliteStore({ memory: true });
  const writes: string[] = [];
  const putMeta = store.putMeta.bind(store);
  store.putMeta = (key, value) => {
    writes.push(key);
    return putMeta(key, value);
  };
  return { cp: { store } as unknown as ControlPlane, writes, close: () => store.close() };
}

test('a state document saved whole (running inline, as older control planes wrote it) still loads', async () => {
  const { cp, close } = storeOnly();
  try {
    const old = state([work('a'), work('b')]);
    await cp.store.putMeta('admission.state', JSON.stringify(old));
    assert.deepEqual(await loadAdmissionState(cp.store), old);
    assert.deepEqual(await admissionStateOf(cp), old);
    await cp.store.putMeta('admission.state', JSON.stringify({ pending: [] }));
    assert.deepEqual(await loadAdmissionState(cp.store), state([]));
  } finally {
    await close();
  }
});

test('running work saved in chunks loads back in order, whatever leaves, arrives or is saved whole in between', async () => {
  type Op = { op: 'leave'; picks: number[] } | { op: 'arrive'; n: number } | { op: 'replace'; picks: number[] } | { op: 'shuffle' } | { op: 'whole' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('leave' as const), picks: fc.array(fc.nat(), { maxLength: 40 }) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('arrive' as const), n: fc.integer({ min: 0, max: 700 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), picks: fc.array(fc.nat(), { maxLength: 20 }) }) },
    { weight: 1, arbitrary: fc.constant({ op: 'shuffle' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'whole' as const }) },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const { cp, close } = storeOnly();
      try {
        let n = 0;
        for (const o of ops) {
          const s = await admissionStateOf(cp);
          let running = [...s.running];
          if (o.op === 'leave') for (const p of o.picks) if (running.length) running.splice(p % running.length, 1);
          if (o.op === 'arrive') for (let i = 0; i < o.n; i++) running.push(work(`w${n++}`));
          // A new object of the same id in the same place (as a waiting request whose reason changed).
          if (o.op === 'replace') for (const p of o.picks) if (running.length) running[p % running.length] = { ...running[p % running.length]!, admittedAt: p };
          if (o.op === 'shuffle') running = running.reverse();
          if (o.op === 'whole') await saveAdmissionState(cp.store, state(running));
          else await keepAdmissionState(cp, state(running));
          assert.deepEqual((await loadAdmissionState(cp.store)).running, running);
          assert.deepEqual(await admissionStateOf(cp), await loadAdmissionState(cp.store));
        }
      } finally {
        await close();
      }
    }),
    { numRuns: 40, seed: 2024 },
  );
});

test('a pass that changes a few running entries writes only their chunks and the document', async () => {
  const { cp, writes, close } = storeOnly();
  try {
    const all = Array.from({ length: 5000 }, (_, i) => work(`w${i}`));
    await keepAdmissionState(cp, state(all));
    assert.equal(writes.filter((k) => k.startsWith('admission.running.')).length, Math.ceil(5000 / STATE_CHUNK), 'the first save writes every chunk');
    writes.length = 0;
    const s = await admissionStateOf(cp);
    await keepAdmissionState(cp, state([...s.running.filter((w) => w.id !== 'w1234'), work('new')]));
    const chunkOf = (i: number) => `admission.running.${Math.floor(i / STATE_CHUNK)}`;
    assert.deepEqual(writes.sort(), [chunkOf(1234), chunkOf(4999), 'admission.state'].sort());
    const back = await loadAdmissionState(cp.store);
    assert.equal(back.running.length, 5000);
    assert.equal(back.running.at(-1)!.id, 'new');
    assert.ok(!back.running.some((w) => w.id === 'w1234'));
  } finally {
    await close();
  }
});

test('waiting requests are chunked too: a save with the same requests writes only the document, and one that leaves writes its chunk', async () => {
  const { cp, writes, close } = storeOnly();
  try {
    const pending = Array.from({ length: 2000 }, (_, i) => ({
      id: `p${i}`,
      request: work(`p${i}`).request,
      queue: 'p/q',
      priority: 0,
      preemptible: false,
      arrival: i,
    }));
    await keepAdmissionState(cp, { ...state([work('w0')]), pending });
    assert.equal(writes.filter((k) => k.startsWith('admission.pending.')).length, Math.ceil(2000 / STATE_CHUNK), 'the first save writes every chunk');
    writes.length = 0;
    await keepAdmissionState(cp, { ...(await admissionStateOf(cp)) });
    assert.deepEqual(writes, ['admission.state']);
    writes.length = 0;
    const s = await admissionStateOf(cp);
    await keepAdmissionState(cp, { ...s, pending: s.pending.filter((p) => p.id !== 'p600') });
    assert.deepEqual(writes.sort(), [`admission.pending.${Math.floor(600 / STATE_CHUNK)}`, 'admission.state']);
    const back = await loadAdmissionState(cp.store);
    assert.equal(back.pending.length, 1999);
    assert.deepEqual(
      back.pending.map((p) => p.id),
      s.pending.filter((p) => p.id !== 'p600').map((p) => p.id),
    );
    assert.deepEqual(await admissionStateOf(cp), back);
    // A request whose shown reason changed is a new object of the same id: only its chunk is written.
    writes.length = 0;
    const t = await admissionStateOf(cp);
    await keepAdmissionState(cp, { ...t, pending: t.pending.map((p) => (p.id === 'p1500' ? { ...p, shown: 'waiting for 1 server; position 1500' } : p)) });
    assert.deepEqual(writes.sort(), [`admission.pending.${Math.floor(1499 / STATE_CHUNK)}`, 'admission.state']);
    assert.equal((await loadAdmissionState(cp.store)).pending.find((p) => p.id === 'p1500')!.shown, 'waiting for 1 server; position 1500');
  } finally {
    await close();
  }
});
