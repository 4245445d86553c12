import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FaultSpecError, parseFaultSpec, pathMatches, pickFault } from './faults.ts';

describe('fault spec', () => {
  it('parses rules, latency and operation failures', () => {
    assert.deepEqual(parseFaultSpec('POST /v1/projects/*/clusters=0.2:503,*=0.05:429,latency=20ms,opfail=0.1'), {
      rules: [
        { method: 'POST', path: '/v1/projects/*/clusters', rate: 0.2, status: 503 },
        { method: '*', path: '*', rate: 0.05, status: 429 },
      ],
      latencyMs: 20,
      operationFailureRate: 0.1,
    });
    assert.equal(parseFaultSpec('latency=1s').latencyMs, 1000);
    assert.equal(parseFaultSpec('GET /v1/regions=1').rules[0].status, 503);
  });

  it('names the bad part of a malformed spec', () => {
    for (const bad of ['nonsense', 'x=2', 'FETCH /a=0.1', '/a=0.1:200', 'latency=fast', 'opfail=1.5']) {
      assert.throws(() => parseFaultSpec(bad), FaultSpecError, bad);
    }
  });

  it('matches one segment per * and any rest with a trailing **', () => {
    assert.ok(pathMatches('/v1/projects/*/clusters', '/v1/projects/p/clusters'));
    assert.ok(!pathMatches('/v1/projects/*/clusters', '/v1/projects/p/clusters/a'));
    assert.ok(pathMatches('/v1/**', '/v1/projects/p/clusters/a'));
    assert.ok(pathMatches('*', '/anything'));
  });

  it('never fails admin routes or health, so faults can always be switched off', () => {
    const spec = parseFaultSpec('*=1:500');
    assert.equal(
      pickFault(spec, 'DELETE', '/v1/admin/faults', () => 0),
      undefined,
    );
    assert.equal(
      pickFault(spec, 'GET', '/healthz', () => 0),
      undefined,
    );
    assert.equal(
      pickFault(spec, 'GET', '/v1/regions', () => 0),
      500,
    );
    assert.equal(
      pickFault(parseFaultSpec('*=0.5:500'), 'GET', '/v1/regions', () => 0.7),
      undefined,
    );
  });
});
