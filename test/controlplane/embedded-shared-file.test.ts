import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openEmbeddedCloud, type EmbeddedCloud } from '../../controlplane/src/embedded.ts';
import { TRAIN_A, endpointBody, tempDir } from './helpers.ts';

const run = promisify(execFile);
const FIXTURE = join(import.meta.dirname, 'fixtures/embedded-call.ts');

/** One call from a separate process on the same database file. */
async function fromOtherProcess(path: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const args = ['--import', 'tsx', FIXTURE, path, method, url, ...(body === undefined ? [] : [JSON.stringify(body)])];
  const { stdout } = await run(process.execPath, args);
  return JSON.parse(stdout);
}

async function call(c: EmbeddedCloud, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { authorization: `Bearer ${c.adminToken}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await c.request({ method, url, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.body ? JSON.parse(res.body) : undefined };
}

describe('an embedded cloud that another process writes to', () => {
  const dir = tempDir();
  after(() => dir.cleanup());

  it('reloads holdings, quotas and health marks before deciding', async () => {
    const path = join(dir.path, 'cloud.db');
    const mine = await openEmbeddedCloud({ path });
    try {
      const a = await call(mine, 'POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'mine', nodeCount: 40 });
      assert.equal(a.status, 202);
      const theirs = await fromOtherProcess(path, 'POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'theirs', nodeCount: 40 });
      assert.equal(theirs.status, 202, JSON.stringify(theirs.body));
      assert.notDeepEqual(theirs.body.resource.allocation.supernodes, a.body.resource.allocation.supernodes);

      // The other process's cluster is held here too: growing next to it, or taking its servers, is refused.
      const held = new Set([...a.body.resource.allocation.servers, ...theirs.body.resource.allocation.servers]);
      const next = await call(mine, 'POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'next', nodeCount: 48 });
      assert.equal(next.status, 202);
      for (const s of next.body.resource.allocation.servers) assert.ok(!held.has(s), `${s} handed out twice`);
      assert.deepEqual((await call(mine, 'GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });

      // A quota and a drained server set elsewhere bind this process's next decisions.
      assert.equal((await fromOtherProcess(path, 'PUT', '/v1/admin/projects/default/quotas/nvidia-h200', { limit: 8 })).status, 200);
      const over = await call(mine, 'POST', '/v1/projects/default/clusters', {
        name: 'gpu',
        zone: 'cn-southwest-2b',
        acceleratorType: 'nvidia-h200',
        nodeCount: 2,
      });
      assert.equal(over.status, 409);
      assert.equal(over.body.code, 'QUOTA_EXCEEDED');
      const drain = await fromOtherProcess(path, 'POST', '/v1/admin/servers:drain', { ids: ['cn-southwest-2b/h200-01'] });
      assert.equal(drain.status, 200);
      const cap = (await call(mine, 'GET', '/v1/capacity?zone=cn-southwest-2b&acceleratorType=nvidia-h200')).body;
      assert.equal(cap.servers.find((s: any) => s.id === 'h200-01').draining, true);
      const gpu = await call(mine, 'POST', '/v1/projects/default/clusters', {
        name: 'gpu',
        zone: 'cn-southwest-2b',
        acceleratorType: 'nvidia-h200',
        nodeCount: 1,
      });
      assert.equal(gpu.status, 202);
      assert.notEqual(gpu.body.resource.allocation.servers[0], 'h200-01');

      // An endpoint placed by the other process occupies its accelerators here too.
      const e1 = await fromOtherProcess(
        path,
        'POST',
        '/v1/projects/default/endpoints',
        endpointBody('e1', 'mine', { acceleratorsPerReplica: 8, parallelism: { tensor: 8 }, replicas: 39 }),
      );
      assert.equal(e1.status, 202, JSON.stringify(e1.body));
      const e2 = await call(
        mine,
        'POST',
        '/v1/projects/default/endpoints',
        endpointBody('e2', 'mine', { acceleratorsPerReplica: 8, parallelism: { tensor: 8 }, replicas: 2 }),
      );
      assert.equal(e2.status, 409);
      assert.equal(e2.body.code, 'CAPACITY_EXHAUSTED');
      assert.match(e2.body.message, /; 1 fit; largest free block in the cluster: 8 in /);
      assert.deepEqual((await fromOtherProcess(path, 'GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
      assert.deepEqual((await call(mine, 'GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
    } finally {
      await mine.close();
    }
  });
});
