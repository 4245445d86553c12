import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiRequest, createProjectWithToken, findSecrets, sampleInputs, spawnControlPlane } from '../support/index.ts';

const ADMIN = 'request-log-admin-token-0123456789';

test('aicloud server logs one JSON line per request with its request id, and no token', async (t) => {
  const cp = await spawnControlPlane(t, { bootstrapToken: ADMIN, logLevel: 'debug' });
  const token = await createProjectWithToken(cp.url, ADMIN, 'logs');

  // The caller's id is kept, returned and logged, on an error reply too.
  const missing = await apiRequest(cp.url, 'GET', '/v1/projects/logs/clusters/nope', { token, headers: { 'x-request-id': 'trace-42' } });
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('x-request-id'), 'trace-42');
  // Without one, the server makes one; a refused token gets one too.
  const listed = await apiRequest(cp.url, 'GET', '/v1/projects/logs/clusters', { token });
  assert.equal(listed.status, 200);
  const made = listed.headers.get('x-request-id') ?? '';
  assert.match(made, /^[0-9a-f-]{36}$/);
  const refused = await apiRequest(cp.url, 'GET', '/v1/projects/logs/clusters', { token: `${token}x`, headers: { 'x-request-id': 'has spaces so not kept' } });
  assert.equal(refused.status, 401);
  const refusedId = refused.headers.get('x-request-id') ?? '';
  assert.match(refusedId, /^[0-9a-f-]{36}$/);
  // A create whose reply carries a secret: an endpoint's API key.
  for (const [collection, body] of [
    ['clusters', sampleInputs('Cluster', 'c1')],
    ['buckets', sampleInputs('Bucket', 'logs-weights')],
    ['endpoints', sampleInputs('ModelEndpoint', 'chat', { bucket: 'logs-weights' })],
  ] as const) {
    const r = await apiRequest(cp.url, 'POST', `/v1/projects/logs/${collection}`, { token, body, headers: { 'x-request-id': `create-${collection}` } });
    assert.equal(r.status, 202, r.text);
  }
  const endpoint = await apiRequest(cp.url, 'GET', '/v1/projects/logs/endpoints/chat', { token, headers: { 'x-request-id': 'last' } });
  const apiKey = endpoint.body.outputs.apiKey as string;
  assert.match(apiKey, /\S{16,}/);

  // A line is written after its reply is sent: wait for the last request's.
  await cp.stderr.waitFor((l) => l.includes('"requestId":"last"') && l.includes('"request done"'));
  const lines = cp.stderr.lines().filter((l) => l.trim() !== '');
  const records = lines.map((l) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      throw new Error(`a log line that is not JSON: ${l}`);
    }
  });
  const of = (id: string) => records.filter((r) => r.requestId === id);
  const traced = of('trace-42');
  assert.ok(
    traced.some((r) => r.code === 'NOT_FOUND' && r.status === 404),
    'the error reply is logged with the id',
  );
  assert.ok(
    traced.some((r) => r.msg === 'request done' && r.status === 404 && r.route === '/v1/projects/:project/:collection/:name' && r.method === 'GET'),
    JSON.stringify(traced),
  );
  assert.ok(of(made).some((r) => r.msg === 'request done' && r.status === 200));
  assert.ok(of(refusedId).some((r) => r.status === 401));
  assert.ok(of('create-endpoints').some((r) => r.msg === 'request done' && r.status === 202));
  assert.deepEqual(findSecrets({ 'project token': token, 'admin token': ADMIN, 'endpoint api key': apiKey }, { 'control-plane logs': cp.stderr.text() }), []);
});
