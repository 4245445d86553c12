import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { acceleratorLedger, apiRequest, invariants, type ChildControlPlane } from '../support/index.ts';
import { sharedDatabase } from './shared-database.ts';
import { ADMIN, create, instances, SUPERNODE } from './instances.ts';

type AfterHook = { after(fn: () => void | Promise<void>): void };

// The server ends a transaction its instance left idle this long (PostgreSQL's
// idle_in_transaction_session_timeout, set per connection through the URL), which frees its locks.
const IDLE_MS = 1500;

/** Advisory locks the victim's sessions hold now (its connections carry application_name=victim). */
async function victimLocks(admin: pg.Client): Promise<number> {
  const r = await admin.query(
    "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'victim' AND l.locktype = 'advisory' AND l.granted",
  );
  return r.rows[0].n as number;
}

/**
 * Three instances, the victim under a steady burst of creates; stops it (SIGSTOP) at a moment it
 * holds keyed locks in an open transaction, retrying between its answers until it does.
 */
async function stoppedHoldingLocks(t: AfterHook) {
  const db = await sharedDatabase(t);
  if (!db) return undefined;
  const withParams = (extra: string) => `${db}${db.includes('?') ? '&' : '?'}idle_in_transaction_session_timeout=${IDLE_MS}${extra}`;
  const [a, c] = await instances(t, withParams(''), 2);
  const [victim] = await instances(t, withParams('&application_name=victim'), 1);
  const admin = new pg.Client({ connectionString: db });
  admin.on('error', () => {}); // the test's server may stop first when the test ends
  await admin.connect();
  t.after(() => admin.end());

  let answered = 0;
  let next: () => void = () => {};
  let stopBurst = false;
  const acknowledged = new Set<string>();
  // Four clients, so a request is always in flight on the victim.
  const client = async (k: number) => {
    for (let i = 0; !stopBurst; i++) {
      const name = `v-${k}-${i}`;
      try {
        const r = await create(victim!.url, { ...SUPERNODE, name, nodeCount: 1, placement: 'zone' });
        if (r.status === 202) acknowledged.add(name);
      } catch {
        // The victim was killed under this request.
        return;
      }
      answered++;
      next();
    }
  };
  const burst = Promise.all([0, 1, 2, 3].map(client));
  const answer = () => new Promise<void>((resolve) => (next = resolve));
  for (let attempt = 0; attempt < 200; attempt++) {
    await answer();
    victim!.child.kill('SIGSTOP');
    if ((await victimLocks(admin)) > 0) return { a: a!, c: c!, victim: victim!, admin, burst, acknowledged, stop: () => (stopBurst = true) };
    victim!.child.kill('SIGCONT');
  }
  throw new Error(`the victim never held a lock when stopped (${answered} answers)`);
}

/** Work on the other instances goes on while the victim is stopped or dead. */
async function othersGoOn(a: ChildControlPlane, c: ChildControlPlane, prefix: string): Promise<string[]> {
  const names = Array.from({ length: 6 }, (_, i) => `${prefix}-${i}`);
  const answers = await Promise.all(names.map((name, i) => create((i % 2 ? a : c).url, { ...SUPERNODE, name, nodeCount: 1, placement: 'zone' })));
  for (const r of answers) assert.equal(r.status, 202, r.text);
  // The invariant check waits for every writer (the stopped one's transaction included) to end.
  for (const cp of [a, c]) assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] });
  return names;
}

test('SIGSTOP of an instance inside a transaction: the database ends it after the idle timeout, the others go on, the victim recovers', async (t) => {
  const s = await stoppedHoldingLocks(t);
  if (!s) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  await othersGoOn(s.a, s.c, 'during-stop');
  assert.equal(await victimLocks(s.admin), 0, 'the stopped instance holds nothing any more');
  s.stop();
  s.victim.child.kill('SIGCONT');
  await s.burst;
  // Its own request in flight failed or was answered; either way its memory matches the rows again.
  assert.deepEqual(await invariants(s.victim.url, ADMIN), { ok: true, violations: [] });
  const ledgers = await Promise.all([s.a, s.c, s.victim].map((cp) => acceleratorLedger(cp.url, ADMIN, ['default'])));
  for (const l of ledgers) assert.deepEqual(l, ledgers[0]);
  const list = await apiRequest(s.a.url, 'GET', '/v1/projects/default/clusters?pageSize=1000', { token: ADMIN });
  const names = new Set(list.body.items.map((r: { name: string }) => r.name));
  for (const n of s.acknowledged) assert.ok(names.has(n), `${n} was acknowledged and is there`);
});

test('kill -9 of an instance that holds locks: its transaction rolls back at once, the others go on', async (t) => {
  const s = await stoppedHoldingLocks(t);
  if (!s) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  s.stop();
  await s.victim.kill9();
  await s.burst;
  await othersGoOn(s.a, s.c, 'after-kill');
  const list = await apiRequest(s.c.url, 'GET', '/v1/projects/default/clusters?pageSize=1000', { token: ADMIN });
  const names = new Set(list.body.items.map((r: { name: string }) => r.name));
  for (const n of s.acknowledged) assert.ok(names.has(n), `${n} was acknowledged and is there`);
  assert.deepEqual(await acceleratorLedger(s.a.url, ADMIN, ['default']), { taken: names.size * 8, heldByClusters: names.size * 8 });
});
