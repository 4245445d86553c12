import type { Lease } from '../client/index.ts';

/** The project's active leases under the capacity map: who holds what until when, per planned change. */
export function renderLeases(leases: readonly Lease[]): string {
  const active = leases.filter((l) => l.status === 'active');
  if (!active.length) return '';
  const lines = ['', 'Leases:'];
  for (const l of active) {
    lines.push(`  lease ${l.id} (${l.owner}): ${l.acceleratorCount} accelerators until ${l.expiresAt}`);
    for (const h of l.holdings) {
      if (h.consumedBy !== null) continue;
      const where = `${h.allocation.supernodes.join(', ') || h.allocation.zone} (${h.allocation.servers.length} servers)`;
      const what =
        h.action === 'grow'
          ? `grows by ${h.allocation.acceleratorCount} ${h.acceleratorType} to ${h.nodeCount} servers in`
          : h.action === 'replicas'
            ? `${h.replicas} replicas inside cluster ${h.cluster} in`
            : `${h.allocation.acceleratorCount} ${h.acceleratorType} in`;
      lines.push(`    ${h.address}: ${what} ${where}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
