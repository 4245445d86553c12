import type { HealthReport, Topology } from '../allocator/index.ts';
import type { HealthMark, HoldingRecord } from '../store/index.ts';
import { apiError } from './errors.ts';
import { changeHoldings, writeTransaction, type ControlPlane } from './control-plane.ts';

/** A resource running on marked hardware, and on which of its accelerators. */
export interface AffectedResource {
  kind: string;
  project: string;
  name: string;
  id: string;
  acceleratorIds: string[];
}

/**
 * Marks accelerators faulty or servers draining: the allocator hands them to nobody from now on,
 * and whoever holds them keeps them until released. The reply names the resources that run there,
 * so an operator knows whom to move.
 */
export async function markHealth(cp: ControlPlane, type: HealthMark['type'], body: unknown) {
  const b = (body ?? {}) as { ids?: unknown; reason?: unknown };
  const field = 'ids';
  if (!Array.isArray(b.ids) || b.ids.some((x) => typeof x !== 'string') || b.ids.length === 0) {
    throw apiError('MISSING_FIELD', `ids must be a non-empty list of ${type} ids`, { field, status: 400 });
  }
  const topo = cp.allocator.topology;
  const targets = (b.ids as string[]).map((id, i) => (type === 'accelerator' ? acceleratorTarget(topo, id, i) : serverTarget(topo, id, i)));
  const reason = typeof b.reason === 'string' ? b.reason : type === 'server' ? 'drained' : 'faulty';
  return writeTransaction(cp, async () => {
    const marks: HealthMark[] = targets.map((target) => ({ target, type, reason, createdAt: cp.clock.now() }));
    const reports: HealthReport[] = [];
    await changeHoldings(
      cp,
      async (store) => {
        for (const m of marks) await store.putHealthMark(m);
      },
      (allocator) => {
        for (const m of marks) reports.push(type === 'accelerator' ? allocator.markFaulty(m.target) : allocator.drainServer(m.target));
      },
    );
    const byOwner = new Map<string, string[]>();
    for (const r of reports) for (const a of r.affected) byOwner.set(a.owner, [...(byOwner.get(a.owner) ?? []), ...a.acceleratorIds]);
    return { marked: targets, reason, affected: await describeOwners(cp, byOwner) };
  });
}

/** `GET /v1/admin/health`: every mark, and what runs on the marked hardware now. */
export async function healthView(cp: ControlPlane) {
  const rows = await cp.store.listAllocations();
  const marks = [];
  for (const m of await cp.store.listHealthMarks()) {
    {
      const byOwner = new Map<string, string[]>();
      for (const row of rows) {
        const ids = heldOn(row, m);
        if (ids.length) byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), ...ids]);
      }
      marks.push({ ...m, createdAt: new Date(m.createdAt).toISOString(), affected: await describeOwners(cp, byOwner) });
    }
  }
  return { marks };
}

function heldOn(row: HoldingRecord, m: HealthMark): string[] {
  if (m.type === 'server') {
    if (row.server !== m.target) return [];
  } else if (!m.target.startsWith(`${row.server}/`)) return [];
  const out: string[] = [];
  for (let i = 0, mask = row.mask >>> 0; mask !== 0; i++, mask >>>= 1) {
    const id = `${row.server}/${i}`;
    if (mask & 1 && (m.type === 'server' || id === m.target)) out.push(id);
  }
  // Partition instances share accelerators: each accelerator is named once.
  for (const index of new Set((row.slices ?? []).map((s) => s.index))) {
    const id = `${row.server}/${index}`;
    if (m.type === 'server' || id === m.target) out.push(id);
  }
  return out;
}

async function describeOwners(cp: ControlPlane, byOwner: ReadonlyMap<string, string[]>): Promise<AffectedResource[]> {
  const out: AffectedResource[] = [];
  for (const [owner, acceleratorIds] of byOwner) {
    const rec = await cp.store.getResourceById(owner);
    out.push({ kind: rec?.kind ?? 'unknown', project: rec?.project ?? '', name: rec?.name ?? owner, id: owner, acceleratorIds });
  }
  return out;
}

function acceleratorTarget(topo: Topology, id: string, i: number): string {
  if (!topo.resolveAccelerator(id)) {
    throw apiError('INVALID_VALUE', `unknown accelerator ${id}`, {
      field: `ids[${i}]`,
      value: id,
      status: 400,
      hint: 'Accelerator ids look like cn-southwest-2a/sn-1/s07/3.',
    });
  }
  return id;
}

/** A server as `zone/serverId`; a bare server id is accepted when only one zone has it. */
function serverTarget(topo: Topology, ref: string, i: number): string {
  if (topo.serverIndex.has(ref)) return ref;
  const matches = topo.zoneNames.map((z) => `${z}/${ref}`).filter((k) => topo.serverIndex.has(k));
  if (matches.length === 1) return matches[0]!;
  const ambiguous = matches.length > 1;
  throw apiError('INVALID_VALUE', ambiguous ? `server ${ref} is ambiguous` : `unknown server ${ref}`, {
    field: `ids[${i}]`,
    value: ref,
    status: 400,
    hint: ambiguous ? `Several zones have ${ref}; prefix the zone (${matches[0]}).` : 'Server ids look like cn-southwest-2a/sn-1/s07.',
  });
}
