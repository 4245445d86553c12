import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KINDS, kindInfo, type Kind } from '../../core/index.ts';
import { injectableControlPlane, type InjectableControlPlane } from '../support/inject-app.ts';
import { fieldExists } from '../support/field-paths.ts';
import { hostileValue, mutatedBody } from '../support/hostile-values.ts';
import { sampleInputs } from '../support/sample-inputs.ts';
import { stateFingerprint } from '../support/state-fingerprint.ts';
import { startControlPlane } from '../support/control-plane.ts';
import { apiRequest } from '../support/api-request.ts';
import { createProjectWithToken } from '../support/admin-api.ts';
import { checkProperty } from '../support/check-property.ts';

const RUNS = Number(process.env.AICLOUD_API_FUZZ_RUNS ?? 4000);
const HTTP_RUNS = Number(process.env.AICLOUD_HTTP_FUZZ_RUNS ?? 300);
const PROJECT = 'fuzz';
const STACKS = ['s1', 'fuzz-stack'];

// Codes whose error is about one field of the body; each must name it.
const FIELD_CODES = new Set([
  'INVALID_TYPE',
  'MISSING_FIELD',
  'UNKNOWN_FIELD',
  'INVALID_VALUE',
  'OUT_OF_RANGE',
  'INVALID_FORMAT',
  'CONFLICTING_FIELDS',
  'PARALLELISM_MISMATCH',
  'RUNTIME_MISMATCH',
  'TOPOLOGY_MISMATCH',
  'ENDPOINT_DOES_NOT_FIT',
  'CANNOT_SHRINK',
  'FIELD_REQUIRES_REPLACE',
]);

interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: string;
  headers: Record<string, string>;
  /** The kind and body, when the body is a resource's inputs (so field paths can be checked). */
  kind?: Kind;
  body?: unknown;
  what: string;
}

const collection = (k: Kind) => kindInfo(k).collection;
const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

function hostileSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '..',
      '../admin',
      '..%2F..%2Fadmin%2Finvariants',
      '%2e%2e',
      'c1%00',
      'c1/../c1',
      '%',
      '%zz',
      'C1',
      'c1 ',
      '\u202ec1',
      '\ud83d\ude80',
      'a'.repeat(300),
      'default',
      'admin',
    ),
    fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  );
}

function requestArb(token: string): fc.Arbitrary<FuzzRequest> {
  const auth = { authorization: `Bearer ${token}` };
  const create = mutatedBody().map(({ kind, body, mutation }): FuzzRequest => ({
    method: 'POST',
    url: `/v1/projects/${PROJECT}/${collection(kind)}`,
    payload: json(body),
    headers: { ...auth, 'content-type': 'application/json' },
    kind,
    body,
    what: `create ${kind}: ${mutation}`,
  }));
  const patch = fc
    .tuple(
      fc.constantFrom<Kind>('Cluster', 'Volume'),
      fc.boolean(),
      fc.dictionary(fc.constantFrom('nodeCount', 'zone', 'placement', 'sizeGib', 'labels', 'type', 'name', 'iops', 'bogus'), hostileValue(), {
        minKeys: 1,
        maxKeys: 3,
      }),
    )
    .map(([kind, stale, body]): FuzzRequest => ({
      method: 'PATCH',
      url: `/v1/projects/${PROJECT}/${collection(kind)}/${kind === 'Cluster' ? 'c1' : 'v1'}`,
      payload: json(body),
      // A stale If-Match must win over any body; without one the body itself is judged.
      headers: { ...auth, 'content-type': 'application/merge-patch+json', ...(stale ? { 'if-match': '"999999"' } : {}) },
      kind,
      body,
      what: `patch ${kind}`,
    }));
  const paths = fc
    .tuple(
      fc.constantFrom('GET', 'DELETE', 'PATCH', 'POST', 'PUT') as fc.Arbitrary<FuzzRequest['method']>,
      hostileSegment(),
      fc.constantFrom(...KINDS.map(collection), 'operations', 'locks', 'admin'),
      hostileSegment(),
    )
    .map(([method, project, coll, name]): FuzzRequest => ({
      method,
      url: `/v1/projects/${fc.sample(fc.constantFrom(project, PROJECT), 1)[0]}/${coll}/${name}`,
      payload: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      headers: { ...auth, 'content-type': 'application/json' },
      what: `${method} odd path`,
    }));
  const raw = fc
    .tuple(
      fc.constantFrom<Kind>(...KINDS),
      fc.oneof(
        fc.constantFrom(
          '{',
          '{"name":',
          'nul',
          '[]',
          '""',
          '1e999',
          '{"name":"a","name":"b"}',
          '\u0000',
          '{"__proto__":{"admin":true}}',
          '{"constructor":{"prototype":{"x":1}}}',
        ),
        // Deeper bodies have their own test below, so one known failure does not hide the rest.
        fc.integer({ min: 100, max: 1000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
        fc.integer({ min: 100, max: 1000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
        fc.constant(`{"name":"${'x'.repeat(1_100_000)}"}`),
        fc.string(),
      ),
      fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data'),
    )
    .map(([kind, payload, type]): FuzzRequest => ({
      method: 'POST',
      url: `/v1/projects/${PROJECT}/${collection(kind)}`,
      payload,
      headers: { ...auth, 'content-type': type },
      what: `raw ${type} body of ${payload.length} chars`,
    }));
  const preview = fc
    .oneof(
      hostileValue(),
      fc.record({
        requests: fc.array(
          fc.oneof(
            hostileValue(),
            fc.record({ name: hostileValue(), action: fc.constantFrom('create', 'grow', 'release', 'x'), nodeCount: hostileValue(), zone: hostileValue() }),
          ),
          { maxLength: 4 },
        ),
      }),
    )
    .map((body): FuzzRequest => ({
      method: 'POST',
      url: `/v1/projects/${PROJECT}/placements:preview`,
      payload: json(body),
      headers: { ...auth, 'content-type': 'application/json' },
      what: 'preview',
    }));
  const lock = fc
    .tuple(fc.constantFrom(...STACKS), fc.oneof(hostileValue(), fc.record({ holder: hostileValue(), ttlSeconds: hostileValue() })))
    .map(([stack, body]): FuzzRequest => ({
      method: 'PUT',
      url: `/v1/projects/${PROJECT}/locks/${stack}`,
      payload: json(body),
      headers: { ...auth, 'content-type': 'application/json' },
      what: 'lock',
    }));
  const headersArb = fc
    .tuple(
      fc.constantFrom('', 'Bearer', 'Bearer ', 'Basic abc', `Bearer ${token}x`, 'Bearer aic_', `bearer ${token}`, 'Bearer \u00ff'),
      mutatedBody(['Cluster']),
    )
    .map(([authorization, { body }]): FuzzRequest => ({
      method: 'POST',
      url: `/v1/projects/${PROJECT}/clusters`,
      payload: json(body),
      headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
      what: `auth header ${JSON.stringify(authorization)}`,
    }));
  const idem = fc.tuple(fc.oneof(fc.string(), fc.constant('k'.repeat(5000))), mutatedBody(['Bucket'])).map(([key, { body }]): FuzzRequest => ({
    method: 'POST',
    url: `/v1/projects/${PROJECT}/buckets`,
    payload: json(body),
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key.replace(/[^\x20-\x7e]/g, '') },
    kind: 'Bucket',
    body,
    what: 'idempotency key',
  }));
  const query = fc
    .tuple(
      fc.constantFrom(...KINDS.map(collection)),
      fc.dictionary(
        fc.constantFrom('pageSize', 'pageToken', 'labelSelector', 'zone', 'acceleratorType', 'x'),
        fc.oneof(fc.string(), fc.constantFrom('-1', '0', '1e9', 'NaN', '9'.repeat(400), 'a=b,c', '=', ',,', 'a!=b', 'aicloud.dev/stack=s1', '%00', '..%2F')),
        { maxKeys: 3 },
      ),
      fc.boolean(),
    )
    .map(([coll, q, capacity]): FuzzRequest => ({
      method: 'GET',
      url: `${capacity ? '/v1/capacity' : `/v1/projects/${PROJECT}/${coll}`}?${new URLSearchParams(q).toString()}`,
      headers: auth,
      what: 'query string',
    }));
  return fc.oneof(
    { weight: 2, arbitrary: query },
    { weight: 10, arbitrary: create },
    { weight: 3, arbitrary: patch },
    { weight: 3, arbitrary: paths },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: preview },
    { weight: 1, arbitrary: lock },
    { weight: 1, arbitrary: headersArb },
    { weight: 1, arbitrary: idem },
  );
}

async function seed(h: InjectableControlPlane): Promise<string> {
  const admin = { authorization: `Bearer ${h.adminToken}` };
  const p = await h.app.inject({ method: 'POST', url: '/v1/admin/projects', headers: admin, payload: { name: PROJECT } });
  assert.equal(p.statusCode, 201, p.body);
  const t = await h.app.inject({ method: 'POST', url: `/v1/admin/projects/${PROJECT}/tokens`, headers: admin });
  const token = JSON.parse(t.body).token as string;
  for (const [kind, name] of [
    ['Cluster', 'c1'],
    ['Volume', 'v1'],
    ['Bucket', 'weights-a'],
  ] as const) {
    const r = await h.app.inject({
      method: 'POST',
      url: `/v1/projects/${PROJECT}/${collection(kind)}`,
      headers: { authorization: `Bearer ${token}` },
      payload: sampleInputs(kind, name),
    });
    assert.equal(r.statusCode, 202, r.body);
  }
  return token;
}

const describe = (r: FuzzRequest) => `${r.what}: ${r.method} ${r.url.slice(0, 120)} ${r.payload === undefined ? '' : r.payload.slice(0, 300)}`;

/** Checks one answer; returns whether the request was rejected. */
function checkAnswer(req: FuzzRequest, status: number, text: string): boolean {
  assert.ok(status < 500, `${req.what}: ${req.method} ${req.url.slice(0, 200)} gave ${status}: ${text.slice(0, 300)}`);
  if (status < 400) return false;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`${req.what}: error body is not JSON: ${text.slice(0, 200)}`);
  }
  assert.match(String(body.code), /^[A-Z_]+$/, `${req.what}: no stable code in ${text.slice(0, 200)}`);
  // A lock error's `stack` is the stack's name; a trace has "at file:line:col" frames.
  assert.ok(!/\bat .*\.(ts|js|mjs):\d+:\d+/.test(text), `${req.what}: error body carries a stack trace`);
  if (status === 400 && FIELD_CODES.has(String(body.code))) {
    assert.ok(typeof body.field === 'string' && body.field.length > 0, `${req.what}: ${String(body.code)} names no field: ${text.slice(0, 300)}`);
    if (req.kind && req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
      assert.ok(fieldExists(req.kind, req.body, body.field as string), `${req.what}: field ${String(body.field)} names nothing in the body or schema`);
    }
  }
  return true;
}

test(`${RUNS} hostile API requests through inject(): no 5xx, every error names its field, rejected requests change nothing`, async (t) => {
  const h = await injectableControlPlane(t);
  const token = await seed(h);
  let before = await stateFingerprint(h.cp, STACKS);
  const seen = { rejected: 0, accepted: 0, byStatus: new Map<number, number>() };
  await checkProperty(
    requestArb(token),
    async (req) => {
      const res = await h.app.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.payload });
      seen.byStatus.set(res.statusCode, (seen.byStatus.get(res.statusCode) ?? 0) + 1);
      const rejected = checkAnswer(req, res.statusCode, res.body);
      const after = await stateFingerprint(h.cp, STACKS);
      if (rejected) {
        seen.rejected++;
        assert.equal(after, before, `${req.what}: a rejected request (${res.statusCode} ${res.body.slice(0, 200)}) changed the state`);
      } else {
        seen.accepted++;
        before = after;
      }
    },
    { numRuns: RUNS, seed: Number(process.env.AICLOUD_FUZZ_SEED ?? 21), describe },
  );
  t.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries(seen.byStatus))}`);
  assert.ok(seen.rejected > RUNS / 2, `only ${seen.rejected} of ${RUNS} were rejected: the fuzzer is too tame`);
  const inv = await h.app.inject({ method: 'GET', url: '/v1/admin/invariants', headers: { authorization: `Bearer ${h.adminToken}` } });
  assert.deepEqual(JSON.parse(inv.body), { ok: true, violations: [] });
});

test(`${HTTP_RUNS} hostile requests over real HTTP: no 5xx, the server stays up`, async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, PROJECT);
  for (const [kind, name] of [
    ['Cluster', 'c1'],
    ['Volume', 'v1'],
    ['Bucket', 'weights-http'],
  ] as const) {
    const r = await apiRequest(cp.url, 'POST', `/v1/projects/${PROJECT}/${collection(kind)}`, { token, body: sampleInputs(kind, name) });
    assert.equal(r.status, 202, r.text);
  }
  await checkProperty(
    requestArb(token),
    async (req) => {
      // fetch refuses some header bytes the server would never see; those are not the server's problem.
      let res: Response;
      try {
        res = await fetch(cp.url + req.url, { method: req.method, headers: req.headers, body: req.payload });
      } catch (e) {
        if (e instanceof TypeError && /header|URL/i.test(String((e as Error & { cause?: unknown }).cause ?? e.message))) return;
        throw e;
      }
      checkAnswer(req, res.status, await res.text());
    },
    { numRuns: HTTP_RUNS, seed: 5, describe },
  );
  const health = await apiRequest(cp.url, 'GET', '/healthz');
  assert.equal(health.status, 200);
  const inv = await apiRequest(cp.url, 'GET', '/v1/admin/invariants', { token: cp.adminToken });
  assert.deepEqual(inv.body, { ok: true, violations: [] });
});

// validate() copies the body recursively before checking it, so a body nested a few thousand levels
// deep overflows the stack and the API answers 500 instead of 400.
test('bodies nested thousands of levels deep get a 400 naming the body, not a 500', async (t) => {
  const h = await injectableControlPlane(t);
  const token = await seed(h);
  const failures: string[] = [];
  for (const depth of [5_000, 50_000]) {
    for (const [shape, payload] of [
      ['object', '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)],
      ['array', '{"name":"deep-a","labels":{"x":' + '['.repeat(depth) + ']'.repeat(depth) + '}}'],
    ] as const) {
      for (const coll of ['buckets', 'clusters']) {
        const before = await stateFingerprint(h.cp, STACKS);
        const res = await h.app.inject({
          method: 'POST',
          url: `/v1/projects/${PROJECT}/${coll}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload,
        });
        if (res.statusCode !== 400) failures.push(`${shape} of depth ${depth} to ${coll}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        assert.equal(await stateFingerprint(h.cp, STACKS), before);
      }
    }
  }
  assert.deepEqual(failures, []);
});
