import type { PendingRequest, QueueSpec } from './types.ts';

/**
 * The admission order: each queue's own order (arrival for `fifo`, priority then arrival for
 * `priority`), merged across queues by taking the next request of highest priority, earliest
 * arrival first. Deterministic: ties break on id.
 */
export function orderPending(pending: readonly PendingRequest[], queues: ReadonlyMap<string, QueueSpec>): PendingRequest[] {
  const byQueue = new Map<string, PendingRequest[]>();
  for (const p of pending) {
    if (!byQueue.has(p.queue)) byQueue.set(p.queue, []);
    byQueue.get(p.queue)!.push(p);
  }
  const lists: PendingRequest[][] = [];
  for (const [name, list] of byQueue) {
    const byPriority = queues.get(name)?.admissionPolicy === 'priority';
    list.sort((a, b) => (byPriority ? b.priority - a.priority : 0) || a.arrival - b.arrival || cmp(a.id, b.id));
    lists.push(list);
  }
  const heads = lists.map(() => 0);
  const out: PendingRequest[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const c = lists[i]![heads[i]!];
      if (!c) continue;
      const b = best < 0 ? undefined : lists[best]![heads[best]!]!;
      if (!b || c.priority > b.priority || (c.priority === b.priority && (c.arrival < b.arrival || (c.arrival === b.arrival && cmp(c.id, b.id) < 0)))) best = i;
    }
    if (best < 0) return out;
    out.push(lists[best]![heads[best]!]!);
    heads[best]!++;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
