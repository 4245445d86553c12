import { Allocator, type InvariantReport } from '../../allocator/index.ts';
import type { ControlPlane } from './control-plane.ts';
import { expandRows } from './holding-rows.ts';
import { moveHolders } from './admission-pass.ts';

/**
 * `GET /v1/admin/invariants`. Three checks, because the allocator's memory and the database could
 * each go wrong on their own: the allocator's own (no accelerator held twice, every holder a live
 * resource, endpoints inside their cluster, counters equal to a recount); the same check on a scratch
 * allocator rebuilt from the database rows alone (a mask row can hide a double hand-out that no key
 * would catch); and memory equal to the database, owner by owner and server by server.
 */
export async function checkInvariants(cp: ControlPlane): Promise<InvariantReport> {
  // A move's target is held by its own owner until the move finishes; it is live while it runs.
  const live = new Set([...(await cp.store.liveResourceIds()), ...(await moveHolders(cp))]);
  const violations = [...cp.allocator.checkInvariants(live).violations];
  const rows = await cp.store.listAllocations();
  const scratch = new Allocator(cp.allocator.topology, { learn: 'manual' });
  scratch.load(expandRows(rows));
  for (const v of scratch.checkInvariants(live).violations) violations.push(`in the database: ${v}`);

  const stored = new Map<string, Map<string, { mask: number; parent: string | null }>>();
  for (const r of rows) {
    if (!stored.has(r.owner)) stored.set(r.owner, new Map());
    stored.get(r.owner)!.set(r.server, { mask: r.mask >>> 0, parent: r.parentOwner });
  }
  const owners = new Set([...cp.allocator.owners(), ...stored.keys()]);
  for (const owner of owners) {
    const h = cp.allocator.holdings(owner);
    const memory = new Map<string, number>();
    for (const s of h?.servers ?? []) {
      let mask = 0;
      for (const id of s.acceleratorIds) mask |= 1 << Number(id.slice(id.lastIndexOf('/') + 1));
      memory.set(`${h!.zone}/${s.serverId}`, mask >>> 0);
    }
    const disk = stored.get(owner) ?? new Map();
    for (const server of new Set([...memory.keys(), ...disk.keys()])) {
      const m = memory.get(server) ?? 0;
      const d = disk.get(server)?.mask ?? 0;
      if (m !== d) violations.push(`${owner} on ${server}: the allocator holds mask ${m.toString(2)}, the database ${d.toString(2)}`);
    }
    for (const [server, row] of disk) {
      if (h && row.parent !== (h.parentOwner ?? null)) violations.push(`${owner} on ${server}: the database says it runs inside ${row.parent ?? 'nothing'}, the allocator ${h.parentOwner ?? 'nothing'}`);
    }
  }
  return { ok: violations.length === 0, violations };
}
