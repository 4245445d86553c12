import { PARTITION_CATALOGUE } from '../../../core/index.ts';
import { Allocator, type InvariantReport } from '../allocator/index.ts';
import type { ControlPlane } from './control-plane.ts';
import { expandRows } from './holding-rows.ts';
import { moveHolders } from './admission-pass.ts';

/**
 * `GET /v1/admin/invariants`. Three checks, because the allocator's memory and the database could
 * each go wrong on their own: the allocator's own (no accelerator or partition slice held twice, every holder a live
 * resource, endpoints inside their cluster, counters equal to a recount); the same check on a scratch
 * allocator rebuilt from the database rows alone (a mask row can hide a double hand-out that no key
 * would catch); and memory equal to the database, owner by owner and server by server (masks, and partition
 * instances one by one).
 */
/** Partition instances in a canonical order, so memory and database can be compared as text. */
function sliceKey(accelerators: readonly string[], slices: readonly { profile: string; start: number; units: number }[]): string {
  return slices
    .map((x, i) => `${accelerators[i]}:${x.profile}@${x.start}+${x.units}`)
    .sort()
    .join(' ');
}

export async function checkInvariants(cp: ControlPlane): Promise<InvariantReport> {
  // A move's target is held by its own owner until the move finishes; it is live while it runs.
  const live = new Set([...(await cp.store.liveResourceIds()), ...(await moveHolders(cp)), ...((await cp.leases?.holders(cp)) ?? [])]);
  const violations = [...cp.allocator.checkInvariants(live).violations, ...((await cp.leases?.check(cp)) ?? [])];
  const rows = await cp.store.listAllocations();
  const scratch = new Allocator(cp.allocator.topology, { learn: 'manual', partitions: PARTITION_CATALOGUE });
  scratch.load(expandRows(rows));
  for (const v of scratch.checkInvariants(live).violations) violations.push(`in the database: ${v}`);

  const stored = new Map<string, Map<string, { mask: number; slices: string; parent: string | null }>>();
  for (const r of rows) {
    if (!stored.has(r.owner)) stored.set(r.owner, new Map());
    const slices = sliceKey(
      (r.slices ?? []).map((x) => `${r.server}/${x.index}`),
      r.slices ?? [],
    );
    stored.get(r.owner)!.set(r.server, { mask: r.mask >>> 0, slices, parent: r.parentOwner });
  }
  const owners = new Set([...cp.allocator.owners(), ...stored.keys()]);
  for (const owner of owners) {
    const h = cp.allocator.holdings(owner);
    const memory = new Map<string, number>();
    const memorySlices = new Map<string, string>();
    for (const s of h?.servers ?? []) {
      const server = `${h!.zone}/${s.serverId}`;
      if (h!.slices) {
        // A partition holding's accelerators are shared: it is compared instance by instance.
        memory.set(server, 0);
        const mine = h!.slices.filter((x) => s.acceleratorIds.includes(x.acceleratorId));
        memorySlices.set(
          server,
          sliceKey(
            mine.map((x) => x.acceleratorId),
            mine,
          ),
        );
        continue;
      }
      let mask = 0;
      for (const id of s.acceleratorIds) mask |= 1 << Number(id.slice(id.lastIndexOf('/') + 1));
      memory.set(server, mask >>> 0);
    }
    const disk = stored.get(owner) ?? new Map();
    for (const server of new Set([...memory.keys(), ...disk.keys()])) {
      const m = memory.get(server) ?? 0;
      const d = disk.get(server)?.mask ?? 0;
      if (m !== d) violations.push(`${owner} on ${server}: the allocator holds mask ${m.toString(2)}, the database ${d.toString(2)}`);
      const ms = memorySlices.get(server) ?? '';
      const ds = disk.get(server)?.slices ?? '';
      if (ms !== ds) violations.push(`${owner} on ${server}: the allocator holds partitions [${ms}], the database [${ds}]`);
    }
    for (const [server, row] of disk) {
      if (h && row.parent !== (h.parentOwner ?? null))
        violations.push(`${owner} on ${server}: the database says it runs inside ${row.parent ?? 'nothing'}, the allocator ${h.parentOwner ?? 'nothing'}`);
    }
  }
  return { ok: violations.length === 0, violations };
}
