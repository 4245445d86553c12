import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { apiRequest } from '../support/api-request.ts';
import { createProjectWithToken, listEverything } from '../support/admin-api.ts';
import { spawnControlPlane, startControlPlane } from '../support/control-plane.ts';
import { sampleInputs } from '../support/sample-inputs.ts';
import { findSecrets, readTree } from '../support/secret-scan.ts';
import { tempDir } from '../support/temp-dir.ts';

test("a project's token sees nothing of another project: 404 like a missing project, never 403", async (t) => {
  const cp = await startControlPlane(t);
  const alpha = await createProjectWithToken(cp.url, cp.adminToken, 'alpha');
  const beta = await createProjectWithToken(cp.url, cp.adminToken, 'beta');
  const created = await apiRequest(cp.url, 'POST', '/v1/projects/alpha/clusters', { token: alpha, body: sampleInputs('Cluster', 'secret-plan') });
  assert.equal(created.status, 202, created.text);
  const opId = created.body.operation.id as string;
  await apiRequest(cp.url, 'PUT', '/v1/projects/alpha/locks/main', { token: alpha, body: { holder: 'alice@ci' } });

  const probes: [string, string, unknown?][] = [
    ['GET', '/v1/projects/{p}/clusters'],
    ['GET', '/v1/projects/{p}/clusters/secret-plan'],
    ['PATCH', '/v1/projects/{p}/clusters/secret-plan', { nodeCount: 2 }],
    ['DELETE', '/v1/projects/{p}/clusters/secret-plan'],
    ['POST', '/v1/projects/{p}/clusters', sampleInputs('Cluster', 'intruder')],
    ['GET', `/v1/projects/{p}/operations/${opId}`],
    ['GET', '/v1/projects/{p}/locks/main'],
    ['DELETE', '/v1/projects/{p}/locks/main?force=true'],
    ['POST', '/v1/projects/{p}/placements:preview', { requests: [] }],
  ];
  for (const [method, path, body] of probes) {
    const real = await apiRequest(cp.url, method, path.replace('{p}', 'alpha'), {
      token: beta,
      body,
      headers: method === 'PATCH' ? { 'content-type': 'application/merge-patch+json' } : {},
    });
    const missing = await apiRequest(cp.url, method, path.replace('{p}', 'no-such-project'), {
      token: beta,
      body,
      headers: method === 'PATCH' ? { 'content-type': 'application/merge-patch+json' } : {},
    });
    assert.equal(real.status, 404, `${method} ${path} with another project's token: ${real.status} ${real.text}`);
    // Same answer as for a project that does not exist, so a token cannot learn which projects exist.
    assert.deepEqual(
      { ...real.body, message: real.body.message.replace('alpha', 'X') },
      { ...missing.body, message: missing.body.message.replace('no-such-project', 'X') },
    );
    assert.ok(!real.text.includes('secret-plan'), `${method} ${path} leaked a resource name: ${real.text}`);
  }
  // An operation id of alpha is invisible under beta's own path too.
  const viaOwn = await apiRequest(cp.url, 'GET', `/v1/projects/beta/operations/${opId}`, { token: beta });
  assert.equal(viaOwn.status, 404);
  assert.deepEqual(
    (await listEverything(cp.url, beta, 'beta')).map((r) => r.name),
    [],
  );
  const still = await listEverything(cp.url, alpha, 'alpha');
  assert.deepEqual(
    still.map((r) => r.name),
    ['secret-plan'],
    'a probe of another project changed it',
  );
  assert.equal(still[0].spec.nodeCount, 1);
  const lock = await apiRequest(cp.url, 'GET', '/v1/projects/alpha/locks/main', { token: alpha });
  assert.equal(lock.body.holder, 'alice@ci', 'another project broke the lock');
});

test('admin routes answer 401 without a token and 403 to a project token', async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'gamma');
  const routes: [string, string, unknown?][] = [
    ['POST', '/v1/admin/projects', { name: 'evil' }],
    ['POST', '/v1/admin/projects/gamma/tokens'],
    ['PUT', '/v1/admin/projects/gamma/quotas/ascend-910c', { limit: 100000 }],
    ['GET', '/v1/admin/faults'],
    ['POST', '/v1/admin/faults', { spec: '*=1:503' }],
    ['DELETE', '/v1/admin/faults'],
    ['POST', '/v1/admin/accelerators:markFaulty', { ids: ['sn-1/s01/a0'] }],
    ['POST', '/v1/admin/servers:drain', { ids: ['sn-1/s01'] }],
    ['GET', '/v1/admin/invariants'],
  ];
  for (const [method, path, body] of routes) {
    const anon = await apiRequest(cp.url, method, path, { body });
    assert.equal(anon.status, 401, `${method} ${path} without a token: ${anon.status}`);
    assert.equal(anon.body.code, 'UNAUTHENTICATED');
    const project = await apiRequest(cp.url, method, path, { token, body });
    assert.equal(project.status, 403, `${method} ${path} with a project token: ${project.status}`);
    assert.equal(project.body.code, 'FORBIDDEN');
    const forged = await apiRequest(cp.url, method, path, { token: `${cp.adminToken}x`, body });
    assert.equal(forged.status, 401, `${method} ${path} with a near-miss admin token: ${forged.status}`);
  }
  // None of the refused calls took effect.
  const projects = await apiRequest(cp.url, 'POST', '/v1/admin/projects', { token: cp.adminToken, body: { name: 'evil' } });
  assert.equal(projects.status, 201, 'a refused call created the project');
  const faults = await apiRequest(cp.url, 'GET', '/v1/admin/faults', { token: cp.adminToken });
  assert.deepEqual(faults.body.rules, [], 'a refused call switched faults on');
});

test('request bodies over the limit get 413 and change nothing; the server keeps serving', async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'delta');
  const big = { ...sampleInputs('Cluster', 'big-one'), labels: { pad: 'x'.repeat(2 * 1024 * 1024) } };
  const r = await apiRequest(cp.url, 'POST', '/v1/projects/delta/clusters', { token, body: big });
  assert.equal(r.status, 413, r.text.slice(0, 200));
  assert.equal(r.body.code, 'BODY_TOO_LARGE');
  const patch = await apiRequest(cp.url, 'POST', '/v1/admin/projects', { token: cp.adminToken, body: { name: 'y'.repeat(3 * 1024 * 1024) } });
  assert.equal(patch.status, 413);
  assert.deepEqual(await listEverything(cp.url, token, 'delta'), []);
  assert.equal((await apiRequest(cp.url, 'GET', '/healthz')).status, 200);
});

test('tokens and endpoint API keys never reach the database, the logs or error bodies in plain text', async (t) => {
  const dir = tempDir(t);
  const cp = await spawnControlPlane(t, { dataDir: dir.path, logLevel: 'debug' });
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'sec');
  const other = await createProjectWithToken(cp.url, cp.adminToken, 'other');
  for (const [kind, name] of [
    ['Cluster', 'c1'],
    ['Bucket', 'sec-weights'],
  ] as const) {
    const r = await apiRequest(cp.url, 'POST', `/v1/projects/sec/${kind === 'Cluster' ? 'clusters' : 'buckets'}`, { token, body: sampleInputs(kind, name) });
    assert.equal(r.status, 202, r.text);
  }
  const ep = await apiRequest(cp.url, 'POST', '/v1/projects/sec/endpoints', {
    token,
    body: sampleInputs('ModelEndpoint', 'chat', { bucket: 'sec-weights' }),
    headers: { 'idempotency-key': 'ep-1' },
  });
  assert.equal(ep.status, 202, ep.text);
  const apiKey = ep.body.resource.outputs.apiKey as string;
  assert.match(apiKey, /\S{16,}/, 'the create reply carries the endpoint API key');

  const bodies: Record<string, string> = {};
  const probe = async (name: string, method: string, path: string, opts: Parameters<typeof apiRequest>[3]) => {
    const r = await apiRequest(cp.url, method, path, opts);
    bodies[`${name} (${r.status})`] = r.text;
    return r;
  };
  // Errors that have a secret at hand must not echo it.
  await probe('near-miss token', 'GET', '/v1/projects/sec/clusters', { token: `${token}x` });
  await probe('api key as token', 'GET', '/v1/projects/sec/clusters', { token: apiKey });
  await probe('token in a label', 'POST', '/v1/projects/sec/clusters', { token, body: { ...sampleInputs('Cluster', 'c1'), labels: { k: 'v' } } });
  await probe('replayed create with other body', 'POST', '/v1/projects/sec/endpoints', {
    token,
    body: { ...sampleInputs('ModelEndpoint', 'chat2'), replicas: 2 },
    headers: { 'idempotency-key': 'ep-1' },
  });
  await probe('patch an apiKey', 'PATCH', '/v1/projects/sec/endpoints/chat', {
    token,
    body: { apiKey: 'mine' },
    headers: { 'content-type': 'application/merge-patch+json' },
  });
  await probe('other project reads the endpoint', 'GET', '/v1/projects/sec/endpoints/chat', { token: other });
  const list = await probe('list endpoints', 'GET', '/v1/projects/sec/endpoints', { token });
  assert.equal(list.status, 200);
  const got = await apiRequest(cp.url, 'GET', '/v1/projects/sec/endpoints/chat', { token });
  assert.equal(got.body.outputs.apiKey, apiKey, 'the owner can read the API key back');

  await cp.kill9();
  // The WAL and journal hold recent writes; they count as "at rest" too.
  const files = readTree(dir.path, ['admin.token', 'secret.key']);
  assert.ok(
    Object.keys(files).some((f) => f.startsWith('cloud.db')),
    `no database files in ${Object.keys(files).join(', ')}`,
  );
  const leaks = findSecrets(
    { 'project token': token, 'other token': other, 'admin token': cp.adminToken, 'endpoint api key': apiKey },
    { ...files, 'control-plane logs': cp.stderr.text(), ...bodies },
  );
  assert.deepEqual(leaks, []);
  const hash = createHash('sha256').update(token).digest('hex');
  assert.ok(
    Object.values(files).some((b) => b.includes(hash)),
    'the token hash is what the database keeps',
  );
});
