import type { QueueSpec } from './types.ts';

/**
 * Queue quotas with cohort borrowing (Kueue's rule): a queue may use its nominal quota, plus up to its
 * borrowing limit taken from unused nominal quota of the other queues in its cohort.
 */
export class QuotaLedger {
  private readonly used = new Map<string, Map<string, number>>();

  constructor(private readonly queues: ReadonlyMap<string, QueueSpec>) {}

  /** Whether the ledger knows `queue`: a queue a plan names may not exist yet. */
  has(queue: string): boolean {
    return this.queues.has(queue);
  }

  /** Counts accelerators against a queue (negative to give back). */
  add(queue: string, type: string, n: number): void {
    let byType = this.used.get(queue);
    if (!byType) this.used.set(queue, (byType = new Map()));
    byType.set(type, (byType.get(type) ?? 0) + n);
  }

  /** Counts running work against its queue, each on the type it runs on: how every caller starts a ledger. */
  charge(running: Iterable<{ queue: string; request: { acceleratorType: string }; accelerators: number }>): this {
    for (const w of running) this.add(w.queue, w.request.acceleratorType, w.accelerators);
    return this;
  }

  /** Whether `n` more would fit once the given running work has given its accelerators back. */
  fitsWithout(queue: string, type: string, n: number, gone: readonly { queue: string; accelerators: number }[]): boolean {
    for (const w of gone) this.add(w.queue, type, -w.accelerators);
    try {
      return this.fits(queue, type, n).ok;
    } finally {
      for (const w of gone) this.add(w.queue, type, w.accelerators);
    }
  }

  /** A queue's nominal quota of a type (0 when it has none). */
  nominalOf(queue: string, type: string): number {
    return this.queues.get(queue)?.quotas[type]?.nominal ?? 0;
  }

  usedBy(queue: string, type: string): number {
    return this.used.get(queue)?.get(type) ?? 0;
  }

  /** Whether `n` more fits; `borrowed` is how much of the queue's use would be above its nominal quota. */
  fits(queue: string, type: string, n: number): { ok: boolean; borrowed: number; why?: string } {
    const q = this.queues.get(queue);
    if (!q) return { ok: false, borrowed: 0, why: `queue ${queue} does not exist` };
    const quota = q.quotas[type];
    if (!quota) return { ok: false, borrowed: 0, why: `queue ${queue} has no quota for ${type}` };
    const used = this.usedBy(queue, type);
    const after = used + n;
    const limit = quota.nominal + (q.cohort === undefined ? 0 : (quota.borrowingLimit ?? 0));
    if (after > limit) return { ok: false, borrowed: 0, why: `queue ${queue} uses ${used} of ${limit} ${type} (nominal ${quota.nominal}); asked ${n}` };
    const borrowed = Math.max(0, after - quota.nominal);
    if (borrowed > 0) {
      let cohortNominal = 0;
      let cohortUsed = 0;
      for (const other of this.queues.values()) {
        if (other.cohort !== q.cohort) continue;
        cohortNominal += other.quotas[type]?.nominal ?? 0;
        cohortUsed += this.usedBy(other.name, type);
      }
      if (cohortUsed + n > cohortNominal) {
        return { ok: false, borrowed: 0, why: `cohort ${q.cohort} uses ${cohortUsed} of ${cohortNominal} ${type}; asked ${n}` };
      }
    }
    return { ok: true, borrowed };
  }
}
