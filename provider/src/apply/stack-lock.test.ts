import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AicloudError } from '../../../core/index.ts';
import type { StackCloud } from './stack-cloud.ts';
import { acquireStackLock, LOCK_LEASE_SECONDS } from './stack-lock.ts';

/** A cloud with one lock that expires on a virtual clock, as the control plane's does. */
function lockCloud(clock: { now: number }) {
  let held: { holder: string; expiresAt: number } | undefined;
  const calls: string[] = [];
  const cloud = {
    async lock(stack: string, holder: string, ttlSeconds?: number) {
      calls.push(`lock ${holder} ${ttlSeconds}`);
      if (held && held.expiresAt > clock.now && held.holder !== holder) {
        throw new AicloudError('STACK_LOCKED', `stack ${stack} is locked by ${held.holder}`);
      }
      held = { holder, expiresAt: clock.now + (ttlSeconds ?? 1e9) * 1000 };
      return { stack, holder, since: '', expiresAt: null };
    },
    async unlock(_stack: string, opts: { holder?: string }) {
      calls.push(`unlock ${opts.holder}`);
      if (held?.holder === opts.holder) held = undefined;
    },
  } as unknown as StackCloud;
  return { cloud, calls };
}

test('the lock is a lease renewed while the run holds it, and released at the end', async () => {
  const clock = { now: 0 };
  const { cloud, calls } = lockCloud(clock);
  let renew: (() => void) | undefined;
  let stopped = false;
  const lock = await acquireStackLock(cloud, 's', 'a', {
    now: () => clock.now,
    every: (ms, fn) => {
      assert.equal(ms, (LOCK_LEASE_SECONDS * 1000) / 3);
      renew = fn;
      return () => (stopped = true);
    },
  });
  clock.now += 50_000;
  renew!();
  await Promise.resolve();
  clock.now += 50_000;
  await assert.rejects(acquireStackLock(cloud, 's', 'b', { now: () => clock.now, every: () => () => {} }), /locked by a/);
  await lock.release();
  assert.ok(stopped);
  assert.deepEqual(calls.slice(0, 2), ['lock a 60', 'lock a 60']);
});

test('a run that died stops renewing, and its lock lapses after one lease', async () => {
  const clock = { now: 0 };
  const { cloud } = lockCloud(clock);
  await acquireStackLock(cloud, 's', 'dead', { now: () => clock.now, every: () => () => {} });
  await assert.rejects(acquireStackLock(cloud, 's', 'next', { now: () => clock.now, every: () => () => {} }), /locked by dead/);
  clock.now += LOCK_LEASE_SECONDS * 1000 + 1;
  const lock = await acquireStackLock(cloud, 's', 'next', { now: () => clock.now, every: () => () => {} });
  await lock.release();
});
