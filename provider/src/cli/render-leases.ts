import type { Lease } from '../client/index.ts';

/** The project's active leases under the capacity map: who holds what until when, per planned cluster. */
export function renderLeases(leases: readonly Lease[]): string {
  const active = leases.filter((l) => l.status === 'active');
  if (!active.length) return '';
  const lines = ['', 'Leases:'];
  for (const l of active) {
    lines.push(`  lease ${l.id} (${l.owner}): ${l.acceleratorCount} accelerators until ${l.expiresAt}`);
    for (const h of l.holdings) {
      if (h.consumedBy !== null) continue;
      lines.push(
        `    ${h.address}: ${h.allocation.acceleratorCount} ${h.acceleratorType} in ${h.allocation.supernodes.join(', ') || h.allocation.zone} (${h.allocation.servers.length} servers)`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
