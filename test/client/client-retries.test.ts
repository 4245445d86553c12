import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudClient, createHttpTransport, NetworkError, type Transport } from '../../provider/src/client/index.ts';
import { isAicloudError } from '../../core/index.ts';
import { seededRandom } from '../../controlplane/src/allocator/index.ts';
import { ADMIN, TRAIN_A, testServer } from '../controlplane/helpers.ts';

const noSleep = async () => {};

describe('the client against a server with injected faults', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ random: seededRandom(7) });
  });
  after(() => s.close());

  const client = (transport: Transport = createHttpTransport(s.url), maxAttempts = 50) =>
    new CloudClient({ transport, token: ADMIN, project: 'default', retry: { sleep: noSleep, maxAttempts, random: () => 0.5 } });

  it('retries 503 and 429 (honouring Retry-After) until the create goes through, allocating once', async () => {
    await s.call('POST', '/v1/admin/faults', { spec: 'POST /v1/projects/*/**=0.5:503,GET /**=0.3:429' });
    const retries: number[] = [];
    const c = new CloudClient({
      transport: createHttpTransport(s.url),
      token: ADMIN,
      project: 'default',
      retry: { sleep: async (ms) => void retries.push(ms), maxAttempts: 100, random: () => 0.5 },
    });
    try {
      for (let i = 0; i < 5; i++) await c.create('Volume', { name: `vol-${i}`, zone: 'cn-southwest-2a', sizeGib: 10 });
      const cl = await c.create('Cluster', TRAIN_A);
      assert.equal(cl.status, 'ready');
      const listed = await c.list('Volume');
      assert.equal(listed.length, 5);
    } finally {
      await s.call('DELETE', '/v1/admin/faults');
    }
    assert.ok(retries.length > 0, 'faults were injected and retried');
    // Every injected 429/503 carries Retry-After: 1, which is a floor for the backoff.
    assert.ok(retries.every((ms) => ms >= 1000));
    const cap = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0];
    assert.equal(cap.total - cap.free, 32);
  });

  it('a create whose answer is lost is retried with the same Idempotency-Key and allocates once', async () => {
    const http = createHttpTransport(s.url);
    let dropped = 0;
    const lossy: Transport = {
      kind: 'http',
      async send(req) {
        const res = await http.send(req);
        if (req.method === 'POST' && dropped < 2) {
          dropped++;
          throw new NetworkError('connection reset after the server answered');
        }
        return res;
      },
      close: () => http.close(),
    };
    const before = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0].free;
    const cl = await client(lossy).create('Cluster', { ...TRAIN_A, name: 'lossy', nodeCount: 2 });
    assert.equal(dropped, 2);
    assert.equal(cl.name, 'lossy');
    const afterFree = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0].free;
    assert.equal(before - afterFree, 16);
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
  });

  it('gives up after the retry budget with a typed error', async () => {
    await s.call('POST', '/v1/admin/faults', { spec: 'GET /v1/regions=1:503' });
    try {
      await assert.rejects(client(undefined, 3).regions(), (e) => isAicloudError(e) && e.code === 'UNAVAILABLE' && e.status === 503);
    } finally {
      await s.call('DELETE', '/v1/admin/faults');
    }
  });

  it('turns error replies into AicloudErrors with code and field; get gives undefined and delete tolerates 404', async () => {
    const c = client();
    await assert.rejects(
      c.create('Cluster', { ...TRAIN_A, name: 'bad', nodeCount: 0 }),
      (e) => isAicloudError(e) && e.code === 'OUT_OF_RANGE' && e.field === 'nodeCount',
    );
    assert.equal(await c.get('Cluster', 'nope'), undefined);
    await c.delete('Cluster', 'nope');
    const cur = await c.get('Cluster', 'lossy');
    await assert.rejects(c.update('Cluster', 'lossy', { nodeCount: 3 }, { ifMatch: 999 }), (e) => isAicloudError(e) && e.code === 'PRECONDITION_FAILED');
    const grown = await c.update('Cluster', 'lossy', { nodeCount: 3 }, { ifMatch: cur!.resourceVersion });
    assert.equal((grown.allocation as { acceleratorCount: number }).acceleratorCount, 24);
    await c.lock('prod', 'me');
    await assert.rejects(c.lock('prod', 'you'), (e) => isAicloudError(e) && e.code === 'STACK_LOCKED' && e.details?.holder === 'me');
    await c.unlock('prod', { holder: 'me' });
    assert.equal(await c.getLock('prod'), undefined);
  });

  it('a retried 401 is not retried: auth errors fail at once', async () => {
    let calls = 0;
    const http = createHttpTransport(s.url);
    const counting: Transport = { kind: 'http', send: (r) => (calls++, http.send(r)), close: () => http.close() };
    const c = new CloudClient({ transport: counting, token: 'aic_wrong-token-0000000000', project: 'default', retry: { sleep: noSleep } });
    await assert.rejects(c.list('Cluster'), (e) => isAicloudError(e) && e.code === 'UNAUTHENTICATED');
    assert.equal(calls, 1);
  });
});
