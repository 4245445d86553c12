import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { apiRequest } from '../support/api-request.ts';
import { createProjectWithToken, invariants, listEverything } from '../support/admin-api.ts';
import { spawnControlPlane } from '../support/control-plane.ts';
import { sampleInputs } from '../support/sample-inputs.ts';
import { sqliteIntegrity } from '../support/sqlite-integrity.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROUNDS = 3;
const WORKERS = 16;

/**
 * Writers that never stop on their own: creates of clusters (which allocate accelerators), scale-ups
 * and deletes, each worker one request at a time. Answers are recorded so the test can tell which
 * changes the server acknowledged before it died.
 */
function burst(url: string, token: string, project: string, round: number, stop: { now: boolean }) {
  const acked = new Set<string>();
  const deleted = new Set<string>();
  let sent = 0;
  const serverErrors: string[] = [];
  const worker = async (w: number) => {
    for (let i = 0; !stop.now; i++) {
      const name = `r${round}-w${w}-${i}`;
      sent++;
      try {
        const c = await apiRequest(url, 'POST', `/v1/projects/${project}/clusters`, {
          token,
          body: {
            ...sampleInputs('Cluster', name),
            acceleratorType: i % 2 ? 'ascend-910c' : 'nvidia-h200',
            zone: i % 2 ? 'cn-southwest-2a' : 'cn-southwest-2b',
          },
        });
        if (c.status === 202) acked.add(name);
        if (c.status >= 500) serverErrors.push(`${c.status} ${c.text.slice(0, 200)}`);
        if (i % 3 === 1) {
          await apiRequest(url, 'PATCH', `/v1/projects/${project}/clusters/${name}`, {
            token,
            body: { nodeCount: 2 },
            headers: { 'content-type': 'application/merge-patch+json' },
          });
        }
        if (i % 3 === 2) {
          const d = await apiRequest(url, 'DELETE', `/v1/projects/${project}/clusters/${name}`, { token });
          if (d.status === 202) deleted.add(name);
        }
      } catch {
        return; // the server is gone
      }
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return { acked, deleted, done, sent: () => sent, serverErrors };
}

test('killing the server during a burst of writes never leaves a half-written change', async (t) => {
  const dir = tempDir(t);
  const data = join(dir.path, 'cp');
  let cp = await spawnControlPlane(t, { dataDir: data, logLevel: 'silent' });
  const admin = cp.adminToken;
  const token = await createProjectWithToken(cp.url, admin, 'burst');
  const everAcked = new Set<string>();
  const everDeleted = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    const stop = { now: false };
    const b = burst(cp.url, token, 'burst', round, stop);
    // Kill once this many writes are acknowledged, with the other workers' requests in flight.
    const target = 40 + round * 25;
    // Polled on the event loop, not on a timer: the kill lands right after the target is reached.
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (b.acked.size >= target) return resolve();
        if (b.serverErrors.length) return reject(new Error(`the server failed before the kill: ${b.serverErrors[0]}`));
        if (b.sent() > target * 50) return reject(new Error(`only ${b.acked.size} of ${b.sent()} creates were acknowledged`));
        setImmediate(check);
      };
      check();
    }).catch(async (e) => {
      stop.now = true;
      await b.done;
      throw e;
    });
    await cp.kill9();
    stop.now = true;
    await b.done;
    for (const n of b.acked) everAcked.add(n);
    for (const n of b.deleted) everDeleted.add(n);

    assert.equal(sqliteIntegrity(join(data, 'cloud.db')), 'ok');
    cp = await spawnControlPlane(t, { dataDir: data, logLevel: 'silent' });
    assert.deepEqual(await invariants(cp.url, admin), { ok: true, violations: [] }, `round ${round}: invariants broken after the kill`);
    const items = await listEverything(cp.url, admin, 'burst');
    const names = new Set(items.map((r) => r.name));
    // Every acknowledged create survived, unless it was deleted with an acknowledgement too.
    const lost = [...everAcked].filter((n) => !names.has(n) && !everDeleted.has(n));
    assert.deepEqual(lost, [], `round ${round}: acknowledged creates lost`);
    for (const r of items) {
      // A change is whole: the spec, the allocation and the status agree.
      if (r.status === 'deleting' || r.status === 'failed') continue;
      assert.equal(
        r.allocation?.acceleratorCount,
        r.spec.nodeCount * 8,
        `round ${round}: ${r.name} holds ${r.allocation?.acceleratorCount} for ${r.spec.nodeCount} servers`,
      );
    }
    t.diagnostic(`round ${round}: ${b.sent()} requests sent, ${b.acked.size} creates acknowledged, ${items.length} resources after restart`);
    // Free the capacity for the next round; what was checked stays checked.
    for (const r of items) await apiRequest(cp.url, 'DELETE', `/v1/projects/burst/clusters/${r.name}`, { token: admin });
    for (const r of items) everDeleted.add(r.name);
  }
});
