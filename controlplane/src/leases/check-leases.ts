import type { ControlPlane } from '../cloud/index.ts';
import { readLease } from './lease-doc.ts';
import { heldKeys, placementOf } from './lease-replicas.ts';
import { actionOf, leaseOfOwner } from './lease-types.ts';

/** Owners of what active leases still hold: live for the invariant check, as resources are. */
export async function leaseHolders(cp: ControlPlane): Promise<string[]> {
  const out: string[] = [];
  for (const rec of await cp.store.activeLeases()) for (const h of readLease(rec).holdings) if (h.consumedBy === null) out.push(h.owner);
  return out;
}

const sorted = (keys: readonly string[]) => [...keys].sort().join(', ');

/**
 * The lease half of the invariant check: every lease owner in the allocator belongs to an active lease,
 * every cluster created or grown from an active lease holds exactly the accelerators it recorded, and
 * every endpoint's replicas exactly the marks it recorded inside their cluster. With the allocator's own
 * check (no accelerator held twice, no instance used twice) this proves no accelerator is both leased
 * and held by another.
 */
export async function checkLeases(cp: ControlPlane): Promise<string[]> {
  const violations: string[] = [];
  const active = new Set(await leaseHolders(cp));
  for (const owner of cp.allocator.owners()) {
    if (leaseOfOwner(owner) !== undefined && !active.has(owner)) violations.push(`${owner} holds accelerators but its lease is not active`);
  }
  for (const rec of await cp.store.activeLeases()) {
    const lease = readLease(rec);
    for (const h of lease.holdings) {
      if (h.consumedBy !== null) continue;
      const held = cp.allocator.holdings(h.owner);
      if (actionOf(h) === 'replicas') {
        // Marks go with their cluster: a cluster deleted meanwhile took them with it.
        const inside = cp.allocator.holdings(placementOf(lease, h).parentOwner!) !== undefined;
        const want = inside ? sorted(lease.marked?.[h.owner] ?? []) : '';
        const have = sorted(heldKeys(held));
        if (want !== have) violations.push(`lease ${lease.id} recorded marks [${want}] for ${h.address}; the allocator holds [${have}]`);
        continue;
      }
      const servers = new Set(held?.servers.map((s) => s.serverId) ?? []);
      const same =
        held &&
        servers.size === h.allocation.servers.length &&
        h.allocation.servers.every((s) => servers.has(s)) &&
        held.acceleratorCount === h.allocation.acceleratorCount;
      if (!same)
        violations.push(
          `lease ${lease.id} recorded ${h.allocation.acceleratorCount} accelerators on ${h.allocation.servers.join(', ')} for ${h.address}; the allocator holds ${held ? `${held.acceleratorCount} on ${[...servers].join(', ')}` : 'nothing'}`,
        );
    }
  }
  return violations;
}
