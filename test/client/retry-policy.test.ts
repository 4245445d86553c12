import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, parseRetryAfter, resolveRetry, resolveConfig } from '../../provider/src/client/index.ts';
import { isAicloudError } from '../../core/index.ts';

describe('retry policy', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const r = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 });
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((a) => backoffDelay(a, undefined, r)),
      [99, 199, 399, 799, 999],
    );
    const low = resolveRetry({ random: () => 0 });
    assert.equal(backoffDelay(3, undefined, low), 0);
  });

  it('treats Retry-After as a floor, bounded by maxRetryAfterMs', () => {
    const r = resolveRetry({ random: () => 0, maxRetryAfterMs: 10_000 });
    assert.equal(backoffDelay(1, 2000, r), 2000);
    assert.equal(backoffDelay(1, 60_000, r), 10_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('3', 0), 3000);
    assert.equal(parseRetryAfter(new Date(5000).toUTCString(), 1000), 4000);
    assert.equal(parseRetryAfter('soon', 0), undefined);
    assert.equal(parseRetryAfter(undefined, 0), undefined);
  });
});

describe('resolveConfig', () => {
  it('falls back to AICLOUD_* and defaults to the embedded cloud in .aicloud', () => {
    const c = resolveConfig({}, { AICLOUD_PROJECT: 'team', AICLOUD_REGION: 'cn-southwest-2' }, '/w');
    assert.deepEqual(c, { endpoint: undefined, token: undefined, project: 'team', region: 'cn-southwest-2', dataDir: '/w/.aicloud' });
    const e = resolveConfig({ endpoint: 'http://h:1/' }, { AICLOUD_TOKEN: 'aic_0123456789abcdef' }, '/w');
    assert.equal(e.endpoint, 'http://h:1');
    assert.equal(e.token, 'aic_0123456789abcdef');
    assert.equal(resolveConfig({ project: '' }, { AICLOUD_PROJECT: 'p2' }, '/w').project, 'p2');
  });

  it('rejects an endpoint without a token, naming the field', () => {
    assert.throws(
      () => resolveConfig({ endpoint: 'http://h:1' }, {}, '/w'),
      (e) => isAicloudError(e) && e.code === 'INVALID_CONFIG' && e.field === 'token',
    );
    assert.throws(
      () => resolveConfig({ endpoint: 'ftp://x' }, { AICLOUD_TOKEN: 't' }, '/w'),
      (e) => isAicloudError(e) && e.field === 'endpoint',
    );
  });
});
