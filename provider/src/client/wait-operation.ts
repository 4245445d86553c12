import { AicloudError, isAicloudError } from '../../../core/index.ts';
import { abortableSleep } from './retry-policy.ts';

/** An operation as the control plane returns it. */
export interface Operation {
  id: string;
  type: 'create' | 'update' | 'delete';
  target: { kind: string; name: string; id?: string };
  status: 'running' | 'done' | 'failed';
  error: { code: string; message: string } | null;
  createdAt: string;
  dueAt?: string;
  doneAt: string | null;
}

export interface PollOptions {
  /** Give up after this long, ms (default 30 minutes). */
  timeoutMs?: number;
  /** Shortest and longest pause between polls, ms (defaults 25 and 2000). */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/**
 * Polls until the operation settles. The pause follows the operation's `dueAt` when the server
 * gives one (no point asking before then), within the bounds, doubling otherwise.
 */
export async function waitForOperation(
  first: Operation,
  fetchOp: (id: string, signal?: AbortSignal) => Promise<Operation>,
  opts: PollOptions = {},
): Promise<Operation> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? abortableSleep;
  const minMs = opts.minIntervalMs ?? 25;
  const maxMs = opts.maxIntervalMs ?? 2000;
  const deadline = now() + (opts.timeoutMs ?? 30 * 60_000);
  let op = first;
  let interval = minMs;
  while (op.status === 'running') {
    if (opts.signal?.aborted) throw new AicloudError('CANCELLED', `stopped waiting for operation ${op.id}`, { details: { operationId: op.id } });
    if (now() >= deadline) {
      throw new AicloudError('OPERATION_TIMEOUT', `operation ${op.id} (${op.type} ${op.target.kind} ${op.target.name}) did not finish in time`, {
        details: { operationId: op.id },
      });
    }
    const untilDue = op.dueAt ? Date.parse(op.dueAt) - now() : NaN;
    const pause = Math.min(maxMs, Math.max(minMs, Number.isFinite(untilDue) && untilDue > 0 ? untilDue : interval), Math.max(0, deadline - now()));
    try {
      await sleep(pause, opts.signal);
    } catch {
      throw new AicloudError('CANCELLED', `stopped waiting for operation ${op.id}`, { details: { operationId: op.id } });
    }
    interval = Math.min(maxMs, interval * 2);
    try {
      op = await fetchOp(op.id, opts.signal);
    } catch (e) {
      if (isAicloudError(e) && e.code === 'CANCELLED') throw e;
      throw e;
    }
  }
  if (op.status === 'failed') {
    throw new AicloudError('OPERATION_FAILED', op.error?.message ?? `operation ${op.id} failed`, {
      details: { operationId: op.id, cause: op.error?.code },
    });
  }
  return op;
}
