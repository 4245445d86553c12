import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, TRAIN_A, endpointBody, testServer } from './helpers.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

describe('control plane routes', () => {
  let s: Server;
  let teamToken: string;
  before(async () => {
    s = await testServer();
    assert.equal((await s.call('POST', '/v1/admin/projects', { name: 'team' })).status, 201);
    const t = await s.call('POST', '/v1/admin/projects/team/tokens');
    assert.equal(t.status, 201);
    teamToken = t.body.token;
  });
  after(() => s.close());

  it('serves health, regions, capacity and an OpenAPI document built from the schema', async () => {
    assert.deepEqual((await s.call('GET', '/healthz', undefined, {}, null)).body, { ok: true });
    const doc = (await s.call('GET', '/v1/openapi.json', undefined, {}, null)).body;
    assert.equal(doc.openapi, '3.1.0');
    for (const c of ['clusters', 'volumes', 'filesystems', 'buckets', 'kvcachepools', 'endpoints']) {
      assert.ok(doc.paths[`/v1/projects/{project}/${c}`], c);
    }
    assert.deepEqual(doc.components.schemas.ClusterSpec.required, ['name', 'zone', 'nodeCount']);
    // acceleratorType or acceleratorTypes, exactly one: the core's cluster rule says so, not the schema.
    assert.ok(doc.components.schemas.ClusterSpec.properties.acceleratorTypes);
    const regions = (await s.call('GET', '/v1/regions')).body;
    assert.ok(regions.regions.some((r: any) => r.name === 'cn-southwest-2'));
    const cap = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body;
    assert.equal(cap.zones.length, 1);
    assert.equal(cap.zones[0].free, cap.zones[0].total);
  });

  it('accepts the documented example body, allocates, and shows status, allocation and ETag', async () => {
    const r = await s.call('POST', '/v1/projects/team/clusters', TRAIN_A, {}, teamToken);
    assert.equal(r.status, 202);
    assert.equal(r.body.operation.status, 'done');
    assert.equal(r.body.resource.status, 'ready');
    assert.equal(r.body.resource.allocation.acceleratorCount, 32);
    assert.equal(r.body.resource.allocation.supernodes.length, 1);
    const g = await s.call('GET', '/v1/projects/team/clusters/train-a', undefined, {}, teamToken);
    assert.equal(g.status, 200);
    assert.equal(g.headers.get('etag'), `"${g.body.resourceVersion}"`);
    const op = await s.call('GET', `/v1/projects/team/operations/${r.body.operation.id}`, undefined, {}, teamToken);
    assert.equal(op.status, 200);
    assert.equal(op.body.target.name, 'train-a');
  });

  it('answers 400 naming the field, 401 without a token, 404 outside the token project', async () => {
    const bad = await s.call('POST', '/v1/projects/team/clusters', { ...TRAIN_A, name: 'x2', nodeCount: 0 }, {}, teamToken);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'OUT_OF_RANGE');
    assert.equal(bad.body.field, 'nodeCount');
    const typo = await s.call('POST', '/v1/projects/team/volumes', { name: 'v1', zone: 'cn-southwest-2a', sizeGib: 10, sizeGB: 1 }, {}, teamToken);
    assert.equal(typo.status, 400);
    assert.equal(typo.body.field, 'sizeGB');
    const badZone = await s.call('POST', '/v1/projects/team/volumes', { name: 'v1', zone: 'cn-southwest-9z', sizeGib: 10 }, {}, teamToken);
    assert.equal(badZone.status, 400);
    assert.equal(badZone.body.field, 'region');
    assert.equal((await s.call('GET', '/v1/projects/team/clusters', undefined, {}, null)).status, 401);
    assert.equal((await s.call('GET', '/v1/projects/team/clusters', undefined, {}, 'aic_not-a-token')).status, 401);
    const other = await s.call('GET', '/v1/projects/default/clusters', undefined, {}, teamToken);
    assert.equal(other.status, 404);
    assert.equal(other.body.code, 'NOT_FOUND');
    assert.equal((await s.call('GET', '/v1/projects/team/clusters/nope', undefined, {}, teamToken)).status, 404);
    assert.equal((await s.call('POST', '/v1/admin/projects', { name: 'x' }, {}, teamToken)).status, 403);
    assert.equal((await s.call('GET', '/v1/projects/team/widgets', undefined, {}, teamToken)).status, 404);
  });

  it('gives 409 for duplicates, replace-only fields and a zone that cannot hold the cluster', async () => {
    const dup = await s.call('POST', '/v1/projects/team/clusters', TRAIN_A, {}, teamToken);
    assert.equal(dup.status, 409);
    assert.equal(dup.body.code, 'ALREADY_EXISTS');
    const rep = await s.call('PATCH', '/v1/projects/team/clusters/train-a', { acceleratorType: 'ascend-910b' }, {}, teamToken);
    assert.equal(rep.status, 409);
    assert.equal(rep.body.code, 'FIELD_REQUIRES_REPLACE');
    assert.equal(rep.body.field, 'acceleratorType');
    const huge = await s.call('POST', '/v1/projects/team/clusters', { ...TRAIN_A, name: 'huge', nodeCount: 49 }, {}, teamToken);
    assert.equal(huge.status, 409);
    assert.equal(huge.body.code, 'CAPACITY_EXHAUSTED');
    assert.match(huge.body.message, /^need 49 ascend-910c servers \(392 accelerators\) in one supernode of cn-southwest-2a; largest free block: 384 in sn-\d$/);
    assert.equal(huge.body.largestFreeBlock.accelerators, 384);
  });

  it('checks If-Match (412) and grows a cluster next to what it holds', async () => {
    const g = await s.call('GET', '/v1/projects/team/clusters/train-a', undefined, {}, teamToken);
    const stale = await s.call('PATCH', '/v1/projects/team/clusters/train-a', { nodeCount: 6 }, { 'if-match': '"999"' }, teamToken);
    assert.equal(stale.status, 412);
    assert.equal(stale.body.code, 'PRECONDITION_FAILED');
    const ok = await s.call('PATCH', '/v1/projects/team/clusters/train-a', { nodeCount: 6 }, { 'if-match': g.headers.get('etag')! }, teamToken);
    assert.equal(ok.status, 202);
    assert.equal(ok.body.resource.allocation.acceleratorCount, 48);
    assert.deepEqual(ok.body.resource.allocation.supernodes, g.body.allocation.supernodes);
    for (const server of g.body.allocation.servers) assert.ok(ok.body.resource.allocation.servers.includes(server));
    assert.equal((await s.call('DELETE', '/v1/projects/team/clusters/train-a', undefined, { 'if-match': '"1"' }, teamToken)).status, 412);
  });

  it('places endpoint replicas inside the cluster, shows url and apiKey to the owner, refuses what does not fit', async () => {
    const e = await s.call('POST', '/v1/projects/team/endpoints', endpointBody('chat', 'train-a'), {}, teamToken);
    assert.equal(e.status, 202, JSON.stringify(e.body));
    const out = e.body.resource.outputs;
    assert.equal(out.url, 'https://chat.team.cn-southwest-2.aicloud.local/v1');
    assert.match(out.apiKey, /^sk-aic-/);
    assert.equal(out.replicaPlacements.length, 2);
    const cluster = (await s.call('GET', '/v1/projects/team/clusters/train-a', undefined, {}, teamToken)).body;
    for (const p of out.replicaPlacements) for (const sv of p.servers) assert.ok(cluster.allocation.servers.includes(sv));
    const again = (await s.call('GET', '/v1/projects/team/endpoints/chat', undefined, {}, teamToken)).body;
    assert.equal(again.outputs.apiKey, out.apiKey);
    const listed = (await s.call('GET', '/v1/projects/team/endpoints', undefined, {}, teamToken)).body;
    assert.equal(listed.items[0].outputs.apiKey, undefined);
    const tooBig = await s.call(
      'POST',
      '/v1/projects/team/endpoints',
      endpointBody('r1', 'train-a', {
        model: { name: 'deepseek-r1', bucket: 'weights', path: 'r1/', parametersBillions: 671 },
        acceleratorsPerReplica: 8,
        parallelism: { tensor: 8 },
      }),
      {},
      teamToken,
    );
    assert.equal(tooBig.status, 400);
    assert.equal(tooBig.body.code, 'ENDPOINT_DOES_NOT_FIT');
    assert.match(tooBig.body.message, /weights 1249\.\d GiB/);
    const par = await s.call(
      'POST',
      '/v1/projects/team/endpoints',
      endpointBody('p1', 'train-a', { acceleratorsPerReplica: 4, parallelism: { tensor: 2 } }),
      {},
      teamToken,
    );
    assert.equal(par.status, 400);
    assert.equal(par.body.code, 'PARALLELISM_MISMATCH');
    const noCluster = await s.call('POST', '/v1/projects/team/endpoints', endpointBody('p2', 'ghost'), {}, teamToken);
    assert.equal(noCluster.status, 409);
    assert.equal(noCluster.body.code, 'DEPENDENCY_NOT_FOUND');
    const cuda = await s.call(
      'POST',
      '/v1/projects/team/endpoints',
      endpointBody('p3', 'train-a', { runtime: { framework: 'tensorrt-llm', softwareStack: 'cuda-12.8' } }),
      {},
      teamToken,
    );
    assert.equal(cuda.status, 400);
    assert.equal(cuda.body.code, 'RUNTIME_MISMATCH');
  });

  it('refuses to delete a cluster in use, naming the user; deletes release accelerators', async () => {
    const inUse = await s.call('DELETE', '/v1/projects/team/clusters/train-a', undefined, {}, teamToken);
    assert.equal(inUse.status, 409);
    assert.equal(inUse.body.code, 'RESOURCE_IN_USE');
    assert.match(inUse.body.message, /ModelEndpoint chat/);
    assert.equal((await s.call('DELETE', '/v1/projects/team/endpoints/chat', undefined, {}, teamToken)).status, 202);
    const before = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0];
    const d = await s.call('DELETE', '/v1/projects/team/clusters/train-a', undefined, {}, teamToken);
    assert.equal(d.status, 202);
    assert.equal(d.body.operation.status, 'done');
    const afterCap = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0];
    assert.equal(afterCap.free, before.free + 48);
    assert.equal((await s.call('GET', '/v1/projects/team/clusters/train-a', undefined, {}, teamToken)).status, 404);
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
  });

  it('lists with a label selector and pages', async () => {
    for (let i = 0; i < 5; i++) {
      const labels = { 'aicloud.dev/stack': i % 2 ? 'odd' : 'even', 'aicloud.dev/address': `Bucket.b${i}` };
      assert.equal((await s.call('POST', '/v1/projects/team/buckets', { name: `team-bucket-${i}`, labels }, {}, teamToken)).status, 202);
    }
    const even = (await s.call('GET', '/v1/projects/team/buckets?labelSelector=aicloud.dev/stack=even', undefined, {}, teamToken)).body;
    assert.deepEqual(
      even.items.map((b: any) => b.name),
      ['team-bucket-0', 'team-bucket-2', 'team-bucket-4'],
    );
    const names: string[] = [];
    let token: string | null = null;
    do {
      const page: any = (await s.call('GET', `/v1/projects/team/buckets?pageSize=2${token ? `&pageToken=${token}` : ''}`, undefined, {}, teamToken)).body;
      assert.ok(page.items.length <= 2);
      names.push(...page.items.map((b: any) => b.name));
      token = page.nextPageToken;
    } while (token);
    assert.equal(names.length, 5);
    assert.equal((await s.call('GET', '/v1/projects/team/buckets?pageSize=0', undefined, {}, teamToken)).status, 400);
    const global = await s.call('POST', '/v1/projects/default/buckets', { name: 'team-bucket-0' });
    assert.equal(global.status, 409);
  });

  it('keeps idempotent creates idempotent: same key and body replay, another body is 409', async () => {
    const body = { ...TRAIN_A, name: 'idem', nodeCount: 2 };
    const free0 = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0].free;
    const a = await s.call('POST', '/v1/projects/team/clusters', body, { 'idempotency-key': 'key-1' }, teamToken);
    const b = await s.call('POST', '/v1/projects/team/clusters', body, { 'idempotency-key': 'key-1' }, teamToken);
    assert.equal(a.status, 202);
    assert.deepEqual(b.body, a.body);
    const free1 = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0].free;
    assert.equal(free0 - free1, 16);
    const c = await s.call('POST', '/v1/projects/team/clusters', { ...body, nodeCount: 3 }, { 'idempotency-key': 'key-1' }, teamToken);
    assert.equal(c.status, 409);
    assert.equal(c.body.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('stack locks: 423 naming holder and since; only the holder unlocks unless forced', async () => {
    assert.equal((await s.call('PUT', '/v1/projects/team/locks/prod', { holder: 'ci-1' }, {}, teamToken)).status, 200);
    const busy = await s.call('PUT', '/v1/projects/team/locks/prod', { holder: 'ci-2' }, {}, teamToken);
    assert.equal(busy.status, 423);
    assert.equal(busy.body.code, 'STACK_LOCKED');
    assert.match(busy.body.message, /^stack prod is locked by ci-1 since \d{4}-/);
    assert.equal((await s.call('GET', '/v1/projects/team/locks/prod', undefined, {}, teamToken)).body.holder, 'ci-1');
    assert.equal((await s.call('DELETE', '/v1/projects/team/locks/prod?holder=ci-2', undefined, {}, teamToken)).status, 423);
    assert.equal((await s.call('DELETE', '/v1/projects/team/locks/prod?force=true', undefined, {}, teamToken)).status, 204);
    assert.equal((await s.call('GET', '/v1/projects/team/locks/prod', undefined, {}, teamToken)).status, 404);
    assert.equal((await s.call('PUT', '/v1/projects/team/locks/prod', {}, {}, teamToken)).status, 400);
    const forged = await s.call('PUT', '/v1/projects/team/locks/prod', { holder: 'ci-1\u001b[2K' }, {}, teamToken);
    assert.equal(forged.status, 400);
    assert.equal(forged.body.field, 'holder');
  });

  it('previews placements of a batch without changing anything', async () => {
    const free0 = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0].free;
    const r = await s.call(
      'POST',
      '/v1/projects/team/placements:preview',
      {
        requests: [
          { name: 'p-a', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' },
          { name: 'p-b', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' },
          { name: 'p-c', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' },
          { name: 'p-d', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' },
          { action: 'grow', name: 'idem', nodeCount: 3 },
        ],
      },
      {},
      teamToken,
    );
    assert.equal(r.status, 200);
    const fits = r.body.results.map((x: any) => x.fits);
    assert.deepEqual(fits.slice(0, 3), [true, true, true]);
    assert.equal(fits[3], false);
    assert.match(r.body.results[3].message, /in one supernode/);
    const free1 = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0].free;
    assert.equal(free1, free0);
    assert.equal((await s.call('POST', '/v1/projects/team/placements:preview', { requests: 'x' }, {}, teamToken)).status, 400);
  });

  it('enforces quotas per project and accelerator type', async () => {
    assert.equal((await s.call('PUT', '/v1/admin/projects/team/quotas/ascend-910b', { limit: 16 })).status, 200);
    const ok = await s.call(
      'POST',
      '/v1/projects/team/clusters',
      { name: 'q1', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910b', nodeCount: 2 },
      {},
      teamToken,
    );
    assert.equal(ok.status, 202);
    const no = await s.call(
      'POST',
      '/v1/projects/team/clusters',
      { name: 'q2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910b', nodeCount: 1 },
      {},
      teamToken,
    );
    assert.equal(no.status, 409);
    assert.equal(no.body.code, 'QUOTA_EXCEEDED');
  });

  it('refuses bodies over the limit with 413 and bad JSON with 400', async () => {
    const big = await s.call('POST', '/v1/projects/team/buckets', JSON.stringify({ name: 'big-one', labels: { a: 'x'.repeat(1024 * 1024) } }), {}, teamToken);
    assert.equal(big.status, 413);
    assert.equal(big.body.code, 'BODY_TOO_LARGE');
    const broken = await s.call('POST', '/v1/projects/team/buckets', '{"name":', {}, teamToken);
    assert.equal(broken.status, 400);
    assert.equal(broken.body.code, 'INVALID_BODY');
    assert.equal(broken.body.stack, undefined);
  });

  it('admin: project creation conflicts and fault spec errors are 409 and 400', async () => {
    assert.equal((await s.call('POST', '/v1/admin/projects', { name: 'team' })).status, 409);
    assert.equal((await s.call('POST', '/v1/admin/projects', { name: 'Bad Name' })).status, 400);
    assert.equal((await s.call('POST', '/v1/admin/faults', { spec: 'nonsense' })).status, 400);
    assert.equal((await s.call('POST', '/v1/admin/projects/ghost/tokens')).status, 404);
    assert.equal((await s.call('POST', '/v1/admin/servers:drain', { ids: ['cn-southwest-2a/sn-4/s48'] })).status, 200);
    assert.equal((await s.call('POST', '/v1/admin/servers:drain', { ids: ['nope'] })).status, 400);
    assert.equal(ADMIN.length > 16, true);
  });
});
