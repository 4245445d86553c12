import { isAicloudError } from '../../../core/index.ts';
import type { StackCloud } from './stack-cloud.ts';

/** How long a lock outlives a run that stops renewing it (killed, or its machine lost). */
export const LOCK_LEASE_SECONDS = 60;

export interface LockOptions {
  /** How long to wait for another holder to let go; 0 fails at once. */
  timeoutMs?: number;
  pollMs?: number;
  /** The lease; the holder renews it at a third of this while it runs. */
  leaseSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Runs `renew` every `ms` until the returned function is called (injectable for tests). */
  every?: (ms: number, renew: () => void) => () => void;
}

export interface HeldLock {
  release(): Promise<void>;
}

const defaultEvery = (ms: number, renew: () => void) => {
  const timer = setInterval(renew, ms);
  // A renewal must never keep a finished command alive.
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Takes the stack lock in the control plane, so two applies of one stack never interleave. Fails
 * fast (the error names the holder and since when) unless a timeout asks to wait. The lock is a
 * lease renewed while the run lives, so a run killed with `kill -9` blocks the stack for at most
 * one lease, not until someone runs force-unlock.
 */
export async function acquireStackLock(cloud: StackCloud, stack: string, holder: string, options: LockOptions = {}): Promise<HeldLock> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + (options.timeoutMs ?? 0);
  const pollMs = options.pollMs ?? 1000;
  const lease = options.leaseSeconds ?? LOCK_LEASE_SECONDS;
  for (;;) {
    try {
      await cloud.lock(stack, holder, lease);
      break;
    } catch (error) {
      if (!isAicloudError(error) || error.code !== 'STACK_LOCKED' || now() >= deadline) throw error;
      await sleep(Math.min(pollMs, Math.max(0, deadline - now())));
    }
  }
  // A failed renewal is retried at the next tick; the lease leaves two more chances before it lapses.
  const stop = (options.every ?? defaultEvery)((lease * 1000) / 3, () => void cloud.lock(stack, holder, lease).catch(() => {}));
  return {
    release: () => {
      stop();
      return cloud.unlock(stack, { holder });
    },
  };
}
