import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AicloudError } from '../../../core/index.ts';
import type { Plan, PlanStep } from '../plan/index.ts';
import type { ApplyEvent } from './apply-types.ts';
import { DEFAULT_MAX_ATTEMPTS, walkPlan } from './walk-plan.ts';

function step(address: string, dependsOn: string[] = [], action: PlanStep['action'] = 'create'): PlanStep {
  const [kind, name] = address.split('/') as [string, string];
  return {
    address,
    kind,
    name,
    action,
    dependsOn,
    fields: [],
    deleteBeforeReplace: false,
    protect: false,
    hourlyCost: { before: 0, after: 0 },
    accelerators: { before: 0, after: 0 },
  };
}

function plan(steps: PlanStep[]): Plan {
  return {
    formatVersion: 1,
    stack: 's',
    project: 'p',
    fingerprint: 'f',
    destroy: false,
    refreshOnly: false,
    steps,
    problems: [],
    cost: { before: { hourlyCost: 0, acceleratorHoursPerDay: 0 }, after: { hourlyCost: 0, acceleratorHoursPerDay: 0 } },
    summary: { create: steps.length, update: 0, replace: 0, delete: 0, 'no-op': 0 },
  };
}

test('runs dependencies first and never exceeds the parallelism', async () => {
  const p = plan([
    step('Cluster/a'),
    step('Cluster/b'),
    step('Cluster/c'),
    step('Bucket/w'),
    step('KvCachePool/kv', ['Cluster/a']),
    step('ModelEndpoint/e', ['Cluster/a', 'KvCachePool/kv', 'Bucket/w']),
  ]);
  const finished: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const report = await walkPlan(
    p,
    async (s) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      for (const dep of s.dependsOn) assert.ok(finished.includes(dep), `${s.address} started before ${dep}`);
      await Promise.resolve();
      inFlight--;
      finished.push(s.address);
      return {};
    },
    { parallelism: 2 },
  );
  assert.equal(report.ok, true);
  assert.equal(maxInFlight, 2);
  assert.equal(finished.length, 6);
  assert.equal(finished.at(-1), 'ModelEndpoint/e');
});

test('a failure skips its dependents, transitively, and the rest still finish', async () => {
  const p = plan([step('Cluster/a'), step('Bucket/w'), step('KvCachePool/kv', ['Cluster/a']), step('ModelEndpoint/e', ['KvCachePool/kv'])]);
  const events: ApplyEvent[] = [];
  const report = await walkPlan(
    p,
    async (s) => {
      if (s.address === 'Cluster/a') throw new AicloudError('CAPACITY_EXHAUSTED', 'need 256 ascend-910c in one supernode');
      return {};
    },
    { onEvent: (e) => events.push(e) },
  );
  assert.equal(report.ok, false);
  const status = Object.fromEntries(report.outcomes.map((o) => [o.address, o.status]));
  assert.deepEqual(status, { 'Cluster/a': 'failed', 'Bucket/w': 'done', 'KvCachePool/kv': 'skipped', 'ModelEndpoint/e': 'skipped' });
  assert.equal(report.outcomes.find((o) => o.address === 'Cluster/a')?.error?.code, 'CAPACITY_EXHAUSTED');
  assert.equal(report.outcomes.find((o) => o.address === 'ModelEndpoint/e')?.reason, 'KvCachePool/kv did not complete');
  assert.deepEqual(report.counts, { done: 1, failed: 1, skipped: 2 });
  assert.equal(events.filter((e) => e.type === 'skipped').length, 2);
});

test('retries retryable failures with the injected backoff, not others', async () => {
  const p = plan([step('Cluster/flaky'), step('Cluster/bad')]);
  const attempts = new Map<string, number>();
  const slept: number[] = [];
  const report = await walkPlan(
    p,
    async (s) => {
      const n = (attempts.get(s.address) ?? 0) + 1;
      attempts.set(s.address, n);
      if (s.address === 'Cluster/flaky' && n < 3) throw new AicloudError('UNAVAILABLE', 'control plane answered 503');
      if (s.address === 'Cluster/bad') throw new AicloudError('INVALID_VALUE', 'nodeCount is wrong');
      return { outputs: { id: 'cl-1' } };
    },
    {
      maxAttempts: 3,
      sleep: async (ms) => {
        slept.push(ms);
      },
      backoffMs: (a) => a * 10,
    },
  );
  assert.equal(attempts.get('Cluster/flaky'), 3);
  assert.equal(attempts.get('Cluster/bad'), 1);
  assert.deepEqual(slept, [20, 30]);
  const flaky = report.outcomes.find((o) => o.address === 'Cluster/flaky')!;
  assert.equal(flaky.status, 'done');
  assert.deepEqual(flaky.outputs, { id: 'cl-1' });
});

test('gives up after the last attempt and reports the last error', async () => {
  const p = plan([step('Cluster/down')]);
  const report = await walkPlan(
    p,
    async () => {
      throw new AicloudError('UNAVAILABLE', 'still down');
    },
    { maxAttempts: 2, sleep: async () => {} },
  );
  assert.equal(report.outcomes[0]?.status, 'failed');
  assert.equal(report.outcomes[0]?.attempts, 2);
  assert.equal(report.outcomes[0]?.error?.message, 'still down');
});

test('no-op steps are not executed and an empty plan is ok', async () => {
  const p = plan([step('Cluster/same', [], 'no-op')]);
  let calls = 0;
  const report = await walkPlan(p, async () => {
    calls++;
    return {};
  });
  assert.equal(calls, 0);
  assert.equal(report.ok, true);
  assert.deepEqual(report.outcomes, []);
});

test('the longest chain starts first, so slow clusters do not queue behind buckets', async () => {
  const p = plan([
    step('Bucket/b1'),
    step('Bucket/b2'),
    step('Volume/v1'),
    step('Cluster/c'),
    step('KvCachePool/kv', ['Cluster/c']),
    step('ModelEndpoint/e', ['Cluster/c', 'KvCachePool/kv']),
    step('FileSystem/fs'),
  ]);
  const order: string[] = [];
  await walkPlan(
    p,
    async (s) => {
      order.push(s.address);
      return {};
    },
    { parallelism: 1 },
  );
  assert.deepEqual(order, ['Cluster/c', 'KvCachePool/kv', 'ModelEndpoint/e', 'FileSystem/fs', 'Volume/v1', 'Bucket/b1', 'Bucket/b2']);
});

test('by default a step gets ten tries with short, capped pauses, because each retry only finishes what is missing', async () => {
  const p = plan([step('Cluster/unlucky')]);
  const slept: number[] = [];
  const report = await walkPlan(
    p,
    async () => {
      throw new AicloudError('OPERATION_FAILED', 'the cloud failed to update Cluster unlucky');
    },
    {
      sleep: async (ms) => {
        slept.push(ms);
      },
    },
  );
  assert.equal(report.outcomes[0]?.attempts, DEFAULT_MAX_ATTEMPTS);
  assert.deepEqual(slept, [250, 500, 1000, 2000, 2000, 2000, 2000, 2000, 2000]);
});
