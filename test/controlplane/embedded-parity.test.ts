import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CloudClient, createHttpTransport } from '../../provider/src/client/index.ts';
import { isAicloudError } from '../../core/index.ts';
import { openEmbeddedCloud } from '../../controlplane/src/embedded.ts';
import { ADMIN, TRAIN_A, endpointBody, tempDir, testServer } from './helpers.ts';

/** Ids, times and secrets differ between two clouds by design; everything else must not. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (['id', 'createdAt', 'updatedAt', 'dueAt', 'doneAt', 'apiKey', 'since'].includes(k)) out[k] = typeof x;
      else if (k === 'target') out[k] = normalize({ ...(x as object), id: undefined });
      else out[k] = normalize(x);
    }
    return out;
  }
  return v;
}

/** The same calls, recorded as results or error codes. */
async function script(c: CloudClient): Promise<unknown[]> {
  const out: unknown[] = [];
  const step = async (f: () => Promise<unknown>) => {
    try {
      out.push(normalize(await f()));
    } catch (e) {
      out.push(isAicloudError(e) ? { error: e.code, field: e.field, message: e.message.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>') } : String(e));
    }
  };
  await step(() => c.create('Cluster', TRAIN_A));
  await step(() => c.create('Cluster', { ...TRAIN_A, name: 'spread-1', nodeCount: 3, placement: 'spread' }));
  await step(() => c.create('Cluster', { ...TRAIN_A, name: 'too-big', nodeCount: 49 }));
  await step(() => c.create('Cluster', { ...TRAIN_A, nodeCount: -1, name: 'neg' }));
  await step(() => c.create('KvCachePool', { name: 'kv', cluster: 'train-a', tiers: { hbmGib: 16, dramGib: 512 } }));
  await step(() => c.create('ModelEndpoint', endpointBody('chat', 'train-a', { kvCachePool: 'kv' })));
  await step(() => c.update('Cluster', 'train-a', { nodeCount: 6 }));
  await step(() => c.update('Cluster', 'train-a', { placement: 'zone' }));
  await step(() => c.delete('Cluster', 'train-a'));
  await step(() => c.create('Bucket', { name: 'parity-weights', versioning: true, labels: { 'aicloud.dev/stack': 's1' } }));
  await step(() => c.list('Bucket', { labelSelector: 'aicloud.dev/stack=s1' }));
  await step(() => c.list('Cluster'));
  await step(() =>
    c.previewPlacements([
      { name: 'xx', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' },
      { action: 'release', name: 'spread-1' },
    ]),
  );
  await step(() => c.capacity({ zone: 'cn-southwest-2a' }));
  await step(() => c.lock('stack-1', 'me'));
  await step(() => c.lock('stack-1', 'you'));
  await step(() => c.get('ModelEndpoint', 'chat'));
  await step(() => c.raw('GET', '/v1/admin/invariants').then((r) => r.body));
  return out;
}

describe('the embedded cloud and the server', () => {
  const dir = tempDir();
  after(() => dir.cleanup());

  it('give identical results for the same calls', async () => {
    const server = await testServer();
    const embedded = await openEmbeddedCloud({ path: join(dir.path, 'cloud.db') });
    try {
      const overHttp = await script(new CloudClient({ transport: createHttpTransport(server.url), token: ADMIN, project: 'default' }));
      const inProcess = await script(
        new CloudClient({
          transport: {
            kind: 'embedded',
            send: (r) => embedded.request({ method: r.method, url: r.path, headers: r.headers, body: r.body }),
            close: async () => {},
          },
          token: embedded.adminToken,
          project: 'default',
        }),
      );
      assert.deepEqual(inProcess, overHttp);
      // The script must exercise both outcomes, or the comparison proves little.
      assert.ok(overHttp.some((r) => (r as { error?: string }).error === 'CAPACITY_EXHAUSTED'));
      assert.ok(overHttp.some((r) => (r as { error?: string }).error === 'RESOURCE_IN_USE'));
    } finally {
      await embedded.close();
      await server.close();
    }
  });

  it('is what the client opens when no endpoint is configured, and it persists in the data dir', async () => {
    const dataDir = join(dir.path, 'fresh');
    const saved = process.env.AICLOUD_ENDPOINT;
    delete process.env.AICLOUD_ENDPOINT;
    try {
      const a = await CloudClient.connect({ dataDir });
      assert.equal(a.transport.kind, 'embedded');
      await a.create('Volume', { name: 'data', zone: 'cn-southwest-2a', sizeGib: 100 });
      await a.close();
      assert.ok(existsSync(join(dataDir, 'cloud.db')));
      const b = await CloudClient.connect({ dataDir });
      assert.equal((await b.get('Volume', 'data'))?.spec.sizeGib, 100);
      await b.close();
    } finally {
      if (saved !== undefined) process.env.AICLOUD_ENDPOINT = saved;
    }
  });

  it('two embedded clouds on one file see each other and never hand out a server twice', async () => {
    const path = join(dir.path, 'shared', 'cloud.db');
    const one = await openEmbeddedCloud({ path });
    const two = await openEmbeddedCloud({ path });
    try {
      const post = (c: typeof one, name: string) =>
        c.request({
          method: 'POST',
          url: '/v1/projects/default/clusters',
          headers: { authorization: `Bearer ${c.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...TRAIN_A, name, nodeCount: 24 }),
        });
      const results = await Promise.all([post(one, 'a1'), post(two, 'b1'), post(one, 'a2'), post(two, 'b2')]);
      assert.deepEqual(
        results.map((r) => r.status),
        [202, 202, 202, 202],
      );
      const servers = results.flatMap((r) => JSON.parse(r.body).resource.allocation.servers as string[]);
      assert.equal(new Set(servers).size, servers.length);
      const inv = await two.request({ method: 'GET', url: '/v1/admin/invariants', headers: { authorization: `Bearer ${two.adminToken}` } });
      assert.deepEqual(JSON.parse(inv.body), { ok: true, violations: [] });
    } finally {
      await one.close();
      await two.close();
    }
  });
});
