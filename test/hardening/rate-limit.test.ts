import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { CloudClient, createHttpTransport } from '../../provider/src/client/index.ts';
import { isAicloudError } from '../../core/index.ts';
import { apiRequest } from '../support/api-request.ts';
import { createProjectWithToken } from '../support/admin-api.ts';
import { startControlPlane } from '../support/control-plane.ts';

test('each token has its own rate limit: 429 with Retry-After for one, the other still served', async (t) => {
  const clock = createVirtualClock();
  const cp = await startControlPlane(t, { rateLimit: { perSecond: 1, burst: 6 }, clock });
  const a = await createProjectWithToken(cp.url, cp.adminToken, 'ra');
  const b = await createProjectWithToken(cp.url, cp.adminToken, 'rb');
  const statuses: number[] = [];
  let limited: Awaited<ReturnType<typeof apiRequest>> | undefined;
  for (let i = 0; i < 12; i++) {
    const r = await apiRequest(cp.url, 'GET', '/v1/projects/ra/clusters', { token: a });
    statuses.push(r.status);
    if (r.status === 429) limited ??= r;
  }
  assert.ok(statuses.includes(429), `twelve quick requests were never limited: ${statuses.join(',')}`);
  assert.ok(
    statuses.slice(0, 5).every((s) => s === 200),
    'the burst allowance was not honoured',
  );
  assert.equal(limited!.body.code, 'RATE_LIMITED');
  const retryAfter = Number(limited!.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After must be whole seconds, got ${limited!.headers.get('retry-after')}`);
  const other = await apiRequest(cp.url, 'GET', '/v1/projects/rb/clusters', { token: b });
  assert.equal(other.status, 200, "one token's limit throttled another token");
});

/** A client whose sleeps move the control plane's clock, after a burst that leaves its token limited. */
async function limitedClient(t: { after(fn: () => unknown): void }) {
  const clock = createVirtualClock();
  const cp = await startControlPlane(t, { rateLimit: { perSecond: 1, burst: 2 }, clock });
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'rc');
  const waits: number[] = [];
  const client = new CloudClient({
    transport: createHttpTransport(cp.url),
    token,
    project: 'rc',
    retry: {
      maxAttempts: 4,
      random: () => 0,
      // Moves the control plane's clock instead of waiting, so the test never sleeps.
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    },
  });
  t.after(() => client.close());
  // Two bare calls spend the burst, so the client's next call is limited.
  for (let i = 0; i < 2; i++) assert.equal((await apiRequest(cp.url, 'GET', '/v1/projects/rc/clusters', { token })).status, 200);
  const attempt = async () => {
    try {
      await client.list('Cluster');
      return 'ok';
    } catch (e) {
      return isAicloudError(e) ? e.code : String(e);
    }
  };
  return { waits, attempt };
}

test('the client waits at least Retry-After before retrying a 429', async (t) => {
  const { waits, attempt } = await limitedClient(t);
  await attempt();
  assert.ok(waits.length >= 1, 'the client did not retry the 429');
  assert.ok(
    waits.every((ms) => ms >= 1000),
    `a retry came sooner than Retry-After: ${waits.join(', ')} ms`,
  );
});

// The limiter reads Date.now() instead of the control plane's clock, so time a test moves never
// refills a bucket and a limited client can only succeed by really waiting.
test('after waiting Retry-After on the control plane clock, the limited call succeeds', async (t) => {
  const { waits, attempt } = await limitedClient(t);
  const outcome = await attempt();
  assert.equal(outcome, 'ok', `after waiting ${waits.join(', ')} ms the call still failed with ${outcome}`);
});
