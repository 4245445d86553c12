import { KINDS } from '../../../core/index.ts';
import { type Principal, admissionStateOf, type ControlPlane, labelsOf, popcount, readDoc } from '../cloud/index.ts';
import { serverSize } from '../allocator/index.ts';
import { askOf } from '../admission/index.ts';
import { leaseOfOwner, listLeases } from '../leases/index.ts';
import type { HoldingRecord } from '../store/index.ts';
import type { OccupancySnapshot, SnapshotOwner, SnapshotPending } from './snapshot-types.ts';

/** The label a cluster may carry to say how long it expects to run (`6h`, `90m`), for wait estimates. */
export const EXPECTED_DURATION_LABEL = 'aicloud.dev/expected-duration';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `6h`, `90m`, `2d` in milliseconds; undefined for anything else. */
export function parseExpectedDuration(text: unknown): number | undefined {
  const m = typeof text === 'string' ? /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim()) : null;
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : undefined;
}

/**
 * `GET /v1/projects/{project}/snapshot`: holdings, health marks, queues, leases and the project's
 * resources in one read. A project token sees the whole map (a what-if needs every holding) but
 * other projects' holders and waiting requests only by an opaque name, as on the occupancy map.
 */
export async function takeSnapshot(cp: ControlPlane, principal: Principal, project: string): Promise<OccupancySnapshot> {
  const now = cp.clock.now();
  const complete = principal.admin;
  const topo = cp.allocator.topology;
  const alias = new Map<string, string>();
  const hide = (owner: string, ownerProject: string) => {
    if (complete || ownerProject === project) return owner;
    if (!alias.has(owner)) alias.set(owner, `other-${alias.size + 1}`);
    return alias.get(owner)!;
  };
  const rows = await cp.store.listAllocations();
  const holdings: HoldingRecord[] = rows.map((r) => ({
    ...r,
    owner: hide(r.owner, r.project),
    parentOwner: r.parentOwner === null ? null : hide(r.parentOwner, r.project),
    project: complete || r.project === project ? r.project : 'other',
  }));
  const docs = new Map<string, { kind: string; name: string; labels: Record<string, string>; createdAt: string }>();
  // Every project's documents: another project's expected end times are shared, never its names.
  for (const p of cp.projects) {
    for (const rec of await cp.store.listResourcesOfKinds(p, KINDS)) {
      const d = readDoc(rec);
      docs.set(rec.id, { kind: rec.kind, name: rec.name, labels: labelsOf(d), createdAt: d.createdAt });
    }
  }
  const leaseExpiry = new Map<string, number>();
  for (const rec of await cp.store.activeLeases()) leaseExpiry.set(rec.id, rec.expiresAt);
  const owners = new Map<string, SnapshotOwner>();
  for (const r of rows) {
    if (r.parentOwner !== null) continue;
    const server = topo.serverIndex.get(r.server);
    const zone = r.server.slice(0, r.server.indexOf('/'));
    const type = server === undefined ? 'unknown' : topo.typeNames[topo.serverType[server]!]!;
    // Partition instances share accelerators; a what-if counts whole accelerators only.
    const count = popcount(r.mask);
    const shownOwner = hide(r.owner, r.project);
    const o = owners.get(shownOwner);
    if (o) {
      o.acceleratorCount += count;
      continue;
    }
    const doc = docs.get(r.owner);
    const lease = leaseOfOwner(r.owner);
    const duration = parseExpectedDuration(doc?.labels[EXPECTED_DURATION_LABEL]);
    const expectedEndAt = lease !== undefined ? (leaseExpiry.get(lease) ?? null) : duration !== undefined && doc ? Date.parse(doc.createdAt) + duration : null;
    const visible = complete || r.project === project;
    owners.set(shownOwner, {
      owner: shownOwner,
      project: visible ? r.project : 'other',
      kind: lease !== undefined ? 'Lease' : visible ? (doc?.kind ?? null) : null,
      name: visible ? (lease ?? doc?.name ?? null) : null,
      acceleratorType: type,
      zone,
      acceleratorCount: count,
      expectedEndAt,
    });
  }
  const state = await admissionStateOf(cp);
  const pending: SnapshotPending[] = state.pending.map((p) => {
    const pProject = p.request.project;
    const visible = complete || pProject === project;
    const doc = docs.get(p.id);
    return {
      id: visible ? p.id : hide(p.id, pProject),
      project: visible ? pProject : 'other',
      kind: visible ? (doc?.kind ?? null) : null,
      name: visible ? (doc?.name ?? null) : null,
      queue: visible ? p.queue : 'other',
      acceleratorType: p.request.acceleratorType,
      zone: p.request.zone ?? '',
      accelerators: askOf(p.request, serverSize(topo, p.request.acceleratorType)),
      scope: p.request.scope ?? 'zone',
      arrival: p.arrival,
    };
  });
  const quotas = (await cp.store.listQuotas()).filter((q) => q.project === project).map((q) => ({ acceleratorType: q.acceleratorType, limit: q.limit }));
  const resources = [];
  for (const rec of await cp.store.listResourcesOfKinds(project, KINDS)) resources.push(readDoc(rec));
  return {
    formatVersion: 1,
    takenAt: now,
    project,
    complete,
    inventory: topo.inventory,
    holdings,
    healthMarks: await cp.store.listHealthMarks(),
    quotas,
    owners: [...owners.values()],
    pending,
    leases: (await listLeases(cp, project)).items.filter((l) => l.status === 'active'),
    resources,
  };
}
