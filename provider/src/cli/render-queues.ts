import type { CloudResource } from '../../../core/index.ts';

/**
 * The project's queues and what waits in them, under the capacity map: a line per queue with its
 * use per type, then each waiting request with its pending reason (position, reservation).
 */
export function renderQueues(queues: readonly CloudResource[], waiting: readonly CloudResource[]): string {
  if (!queues.length) return '';
  const lines = ['', 'Queues:'];
  for (const q of queues) {
    const outputs = (q.outputs ?? {}) as { pendingCount?: number; usage?: { acceleratorType: string; admitted: number; borrowed: number; pending: number }[] };
    const use = (outputs.usage ?? [])
      .map((u) => `${u.acceleratorType} ${u.admitted} admitted${u.borrowed ? ` (${u.borrowed} borrowed)` : ''}, ${u.pending} asked`)
      .join('; ');
    lines.push(`  queue ${q.name}: ${outputs.pendingCount ?? 0} pending${use ? ` - ${use}` : ''}`);
    for (const w of waiting.filter((r) => r.spec.queue === q.name)) lines.push(`    ${w.kind} ${w.name}: ${w.statusReason ?? 'waiting'}`);
  }
  return `${lines.join('\n')}\n`;
}
