import type { OperationRecord, Store } from '../store/index.ts';

/**
 * Settles every running operation that is due at `now`, oldest first, then returns the next due
 * time. Called from reads instead of timers, so the embedded cloud, a restarted server and a test
 * on a virtual clock all see the same history. The caller holds the write transaction.
 */
export async function advanceDueOperations(store: Store, now: number, settle: (op: OperationRecord) => Promise<void>): Promise<number | undefined> {
  for (const op of await store.dueOperations(now)) await settle(op);
  return store.nextDueAt();
}

/** Marks an operation finished at its due time (not the time of the read that noticed it). */
export function finishOperation(op: OperationRecord): OperationRecord {
  const failed = op.failure !== null;
  return { ...op, status: failed ? 'failed' : 'done', error: op.failure, doneAt: op.dueAt };
}
