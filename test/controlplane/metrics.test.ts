import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePromText, promValue, scrapeMetrics, type PromSample } from '../support/prometheus-text.ts';
import { TRAIN_A, testServer } from './helpers.ts';

const P = '/v1/projects/metrics-proj';
const COLLECTION = '/v1/projects/:project/:collection';
const ONE = `${COLLECTION}/:name`;

describe('GET /metrics on a control plane', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  let token: string;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => s.call(method, path, body, headers, token);
  before(async () => {
    s = await testServer();
    assert.equal((await s.call('POST', '/v1/admin/projects', { name: 'metrics-proj' })).status, 201);
    token = (await s.call('POST', '/v1/admin/projects/metrics-proj/tokens')).body.token;
  });
  after(() => s.close());

  it('answers without a token, in the text format, with the process series', async () => {
    const res = await fetch(`${s.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const samples = parsePromText(await res.text());
    assert.ok(
      samples.some((x) => x.name === 'process_cpu_user_seconds_total'),
      'process series',
    );
    assert.ok(
      samples.some((x) => x.name === 'nodejs_eventloop_lag_seconds'),
      'event loop series',
    );
  });

  it('counts requests by route pattern and status, and times them', async () => {
    const before = await scrapeMetrics(s.url);
    for (let i = 0; i < 3; i++) assert.equal((await call('GET', `${P}/clusters`)).status, 200);
    assert.equal((await call('GET', `${P}/clusters/missing-${Date.now()}`)).status, 404);
    assert.equal((await s.call('GET', `${P}/clusters`, undefined, {}, 'not-a-token-0123456789')).status, 401);
    assert.equal((await call('GET', `/v1/no-such-route-${Date.now()}`)).status, 404);
    const now = await scrapeMetrics(s.url);
    const moved = (name: string, labels: Record<string, string>) => promValue(now, name, labels) - promValue(before, name, labels);
    assert.equal(moved('aicloud_http_requests_total', { method: 'GET', route: COLLECTION, status: '200' }), 3);
    assert.equal(moved('aicloud_http_requests_total', { method: 'GET', route: ONE, status: '404' }), 1);
    assert.equal(moved('aicloud_http_requests_total', { method: 'GET', route: COLLECTION, status: '401' }), 1);
    assert.equal(moved('aicloud_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }), 1, 'a path no route serves is one series');
    assert.equal(moved('aicloud_http_request_duration_seconds_count', { method: 'GET', route: COLLECTION }), 4);
    assert.equal(moved('aicloud_http_request_duration_seconds_bucket', { method: 'GET', route: COLLECTION, le: '+Inf' }), 4);
    assert.ok(moved('aicloud_http_request_duration_seconds_sum', { method: 'GET', route: COLLECTION }) > 0);
    // The scrape before this one counted itself once it was sent.
    assert.ok(promValue(now, 'aicloud_http_requests_total', { method: 'GET', route: '/metrics', status: '200' }) >= 2);
  });

  it('reports held and free accelerators per zone and type as the capacity report has them', async () => {
    const created = await call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'held-a' });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    const report = (await call('GET', '/v1/capacity')).body.zones as {
      region: string;
      zone: string;
      acceleratorType: string;
      total: number;
      free: number;
      held: number;
      unavailable: number;
    }[];
    const samples = await scrapeMetrics(s.url);
    assert.ok(report.length > 1);
    for (const z of report) {
      const labels = { region: z.region, zone: z.zone, accelerator_type: z.acceleratorType };
      const where = `${z.zone} ${z.acceleratorType}`;
      assert.equal(promValue(samples, 'aicloud_accelerators_held', labels), z.held, `held in ${where}`);
      assert.equal(promValue(samples, 'aicloud_accelerators_free', labels), z.free, `free in ${where}`);
      assert.equal(promValue(samples, 'aicloud_accelerators_unavailable', labels), z.unavailable, `unavailable in ${where}`);
      assert.equal(promValue(samples, 'aicloud_accelerators_total', labels), z.total, `total in ${where}`);
    }
    const zoneA = { zone: TRAIN_A.zone, accelerator_type: TRAIN_A.acceleratorType };
    assert.ok(promValue(samples, 'aicloud_accelerators_held', zoneA) >= created.body.resource.allocation.acceleratorCount, 'the new cluster is held');
  });

  it('times an admission pass when a queued cluster is created', async () => {
    const passes = (x: PromSample[]) => promValue(x, 'aicloud_admission_pass_seconds_count');
    const before = await scrapeMetrics(s.url);
    const q = await call('POST', `${P}/queues`, { name: 'batch', quotas: [{ acceleratorType: 'ascend-910c', nominal: 64 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
    const afterQueue = passes(await scrapeMetrics(s.url));
    const c = await call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'queued-a', nodeCount: 2, placement: 'zone', queue: 'batch' });
    assert.equal(c.status, 202, JSON.stringify(c.body));
    const now = await scrapeMetrics(s.url);
    assert.equal(afterQueue, passes(before), 'a pass with nothing waiting is not timed');
    assert.ok(passes(now) >= afterQueue + 1, `passes ${afterQueue} -> ${passes(now)}`);
    assert.ok(promValue(now, 'aicloud_admission_pass_seconds_bucket', { le: '+Inf' }) === passes(now));
  });

  it('counts If-Match conflicts and idempotent replays', async () => {
    const before = await scrapeMetrics(s.url);
    const body = { ...TRAIN_A, name: 'idem-a', nodeCount: 1, placement: 'zone' };
    for (let i = 0; i < 2; i++) assert.equal((await call('POST', `${P}/clusters`, body, { 'idempotency-key': 'metrics-k1' })).status, 202);
    const stale = await call('PATCH', `${P}/clusters/idem-a`, { labels: { a: 'b' } }, { 'if-match': '"99"', 'content-type': 'application/merge-patch+json' });
    assert.equal(stale.status, 412, JSON.stringify(stale.body));
    const now = await scrapeMetrics(s.url);
    assert.equal(promValue(now, 'aicloud_idempotent_replays_total') - promValue(before, 'aicloud_idempotent_replays_total'), 1);
    const ifMatch = { reason: 'if_match' };
    assert.equal(promValue(now, 'aicloud_write_conflicts_total', ifMatch) - promValue(before, 'aicloud_write_conflicts_total', ifMatch), 1);
  });

  it('carries no project data: no project, resource or token in any label', async () => {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    for (const secretish of ['metrics-proj', 'held-a', 'queued-a', 'idem-a', 'metrics-k1', token])
      assert.ok(!text.includes(secretish), `${secretish} in /metrics`);
  });
});
