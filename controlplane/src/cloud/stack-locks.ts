import type { LockRecord } from '../store/index.ts';
import { apiError, notFound } from './errors.ts';
import { writeTransaction, type ControlPlane } from './control-plane.ts';
import { iso } from './resource-doc.ts';

/** A stack lock on the wire. */
export interface WireLock {
  stack: string;
  holder: string;
  since: string;
  expiresAt: string | null;
}

const wire = (l: LockRecord): WireLock => ({
  stack: l.stack,
  holder: l.holder,
  since: iso(l.since),
  expiresAt: l.expiresAt === null ? null : iso(l.expiresAt),
});
const live = (l: LockRecord | undefined, now: number) => (l && (l.expiresAt === null || l.expiresAt > now) ? l : undefined);

function lockedError(l: LockRecord): Error {
  return apiError('STACK_LOCKED', `stack ${l.stack} is locked by ${l.holder} since ${iso(l.since)}`, {
    details: { stack: l.stack, holder: l.holder, since: iso(l.since) },
  });
}

/** Takes the lock, or refreshes it for the same holder; an expired lock is free to take. */
export async function acquireLock(cp: ControlPlane, project: string, stack: string, body: unknown): Promise<WireLock> {
  const b = (body ?? {}) as { holder?: unknown; ttlSeconds?: unknown };
  if (typeof b.holder !== 'string' || b.holder.trim() === '' || b.holder.length > 256) {
    throw apiError('MISSING_FIELD', 'holder is required: who takes the lock (user@host, CI job id)', { field: 'holder', status: 400 });
  }
  // The holder is shown to other users in lock errors; control characters could forge or hide text there.
  if (/[\u0000-\u001f\u007f]/.test(b.holder)) {
    throw apiError('INVALID_FORMAT', 'holder must be printable text', { field: 'holder', value: b.holder, status: 400 });
  }
  if (b.ttlSeconds !== undefined && (typeof b.ttlSeconds !== 'number' || !(b.ttlSeconds > 0) || b.ttlSeconds > 86_400 * 7)) {
    throw apiError('OUT_OF_RANGE', 'ttlSeconds must be a number of seconds above 0 and at most a week', {
      field: 'ttlSeconds',
      value: b.ttlSeconds,
      status: 400,
    });
  }
  const holder = b.holder;
  const ttl = b.ttlSeconds as number | undefined;
  return writeTransaction(cp, async () => {
    const now = cp.clock.now();
    const held = live(await cp.store.getLock(project, stack), now);
    if (held && held.holder !== holder) throw lockedError(held);
    const lock: LockRecord = { project, stack, holder, since: held?.since ?? now, expiresAt: ttl ? now + ttl * 1000 : null };
    await cp.store.putLock(lock);
    return wire(lock);
  });
}

export async function readLock(cp: ControlPlane, project: string, stack: string): Promise<WireLock> {
  const held = live(await cp.store.getLock(project, stack), cp.clock.now());
  if (!held) throw notFound(`lock of stack ${stack}`);
  return wire(held);
}

/** Only the holder releases, unless forced; releasing a free lock succeeds so retries are safe. */
export async function releaseLock(cp: ControlPlane, project: string, stack: string, holder: string | undefined, force: boolean): Promise<void> {
  await writeTransaction(cp, async () => {
    const held = live(await cp.store.getLock(project, stack), cp.clock.now());
    if (!held) {
      await cp.store.deleteLock(project, stack);
      return;
    }
    if (!force) {
      if (!holder) throw apiError('MISSING_FIELD', 'holder is required to unlock (or force=true)', { field: 'holder', status: 400 });
      if (holder !== held.holder) throw lockedError(held);
    }
    await cp.store.deleteLock(project, stack);
  });
}
