import { isAicloudError } from '../core/index.ts';
import type { StackCloud } from './stack-cloud.ts';

export interface LockOptions {
  /** How long to wait for another holder to let go; 0 fails at once. */
  timeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes the stack lock in the control plane, so two applies of one stack
 * never interleave. Fails fast (the error names the holder and since when)
 * unless a timeout asks to wait.
 */
export async function acquireStackLock(cloud: StackCloud, stack: string, holder: string, options: LockOptions = {}): Promise<HeldLock> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + (options.timeoutMs ?? 0);
  const pollMs = options.pollMs ?? 1000;
  for (;;) {
    try {
      await cloud.lock(stack, holder);
      return { release: () => cloud.unlock(stack, { holder }) };
    } catch (error) {
      if (!isAicloudError(error) || error.code !== 'STACK_LOCKED' || now() >= deadline) throw error;
      await sleep(Math.min(pollMs, Math.max(0, deadline - now())));
    }
  }
}
