import { clusterAsk, clusterPreviewCreate, clusterPreviewFields, validate, type ClusterInputs, type ClusterPreviewCreate } from '../../../core/index.ts';
import type { Decision, PreviewItem } from '../allocator/index.ts';
import { apiError, isAicloudError, type AicloudError } from './errors.ts';
import { checkQueuedCluster, typesBehindPartitions, typesWithQuotaRoom } from './queued-cluster.ts';
import { summarizeServers, summarizeSlices, type AllocationSummary } from './allocation-wire.ts';
import type { ControlPlane } from './control-plane.ts';
import { PlanQuota } from './plan-quota.ts';
import { clusterTypeOf, readDoc, specOf } from './resource-doc.ts';
import { replicasAsk } from './queued-endpoint.ts';

/** One entry of a placement preview batch; `nodeCount` of a growth is the new total. */
export type PreviewRequest =
  | (ClusterPreviewCreate & { cluster: ClusterInputs })
  | { action: 'grow'; name: string; nodeCount: number }
  | { action: 'release'; name: string; kind?: 'Cluster' | 'ModelEndpoint' }
  /**
   * An endpoint's replicas inside `cluster` (an existing cluster, or one created earlier in the batch):
   * whole accelerators (`acceleratorsPerReplica`) or one partition instance each (`acceleratorProfile`).
   */
  | { action: 'replicas'; name: string; cluster: string; replicas: number; acceleratorsPerReplica: number; acceleratorProfile?: string; queue?: string };

export type PreviewOutcome =
  | { index: number; action: string; name: string; fits: true; allocation?: AllocationSummary; acceleratorType?: string }
  | { index: number; action: string; name: string; fits: false; queued?: true; code: string; message: string };

/**
 * Dry run of a plan's accelerator requests taken together: creations, growth of existing clusters
 * and releases of clusters the plan deletes or replaces (applied first, as apply would). The
 * allocator decides on a scratch copy, so the answers are the ones apply will get; nothing changes.
 * Queued creates are judged, in order, against their queues' quota as the earlier ones leave it.
 */
export async function previewPlacements(cp: ControlPlane, project: string, body: unknown, leaseId?: string): Promise<{ results: PreviewOutcome[] }> {
  const raw = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(raw)) throw apiError('MISSING_FIELD', 'requests must be an array', { field: 'requests', status: 400 });
  const requests: PreviewRequest[] = raw.map((r, i) => parseRequest(r, i));
  const releases: string[] = [];
  const items: PreviewItem[] = [];
  // `names`: internal owners a refusal may mention, and the names users know them by.
  const slots: ({ item: number; held?: { servers: string[]; count: number }; names?: [string, string][] } | PreviewOutcome)[] = [];
  // Clusters the batch creates, by name: endpoint replicas later in the batch run inside them.
  const created = new Map<string, string>();
  // Queued creates are judged against the quota the earlier ones in the batch will take.
  const planQuota = new PlanQuota(
    cp,
    project,
    requests.flatMap((r) => (r.action === 'release' ? [{ name: r.name, kind: r.kind ?? ('Cluster' as const) }] : [])),
  );
  for (const [index, r] of requests.entries()) {
    const base = { index, action: r.action, name: r.name };
    if (r.action === 'replicas') {
      const clusterOwner = created.get(r.cluster) ?? (await cp.store.getResource(project, 'Cluster', r.cluster))?.id;
      if (!clusterOwner) {
        slots.push({ ...base, fits: false, code: 'DEPENDENCY_NOT_FOUND', message: `cluster ${r.cluster} does not exist in project ${project}` });
        continue;
      }
      // An endpoint that exists is placed again (its own replicas do not count against it).
      const existing = await cp.store.getResource(project, 'ModelEndpoint', r.name);
      const endpointOwner = existing?.id ?? `preview/${index}/${r.name}`;
      // A new queued endpoint on a started cluster waits for quota as its admission will.
      const quota = !existing && r.queue ? await replicasQuota(cp, project, planQuota, items, r) : undefined;
      if (quota && !quota.ok) {
        slots.push({ ...base, fits: false, queued: true, code: 'QUOTA_EXCEEDED', message: `waits in queue ${r.queue}: ${quota.why}` });
        continue;
      }
      if (quota?.ok) planQuota.askedReplicas(items.length, r.queue!, quota.type, quota.ask);
      slots.push({
        item: items.length,
        names: [
          [clusterOwner, r.cluster],
          [endpointOwner, r.name],
        ],
      });
      items.push({
        clusterOwner,
        endpointOwner,
        replicas: r.replicas,
        acceleratorsPerReplica: r.acceleratorsPerReplica,
        ...(r.acceleratorProfile ? { profile: r.acceleratorProfile } : {}),
      });
      continue;
    }
    if (r.action === 'release' && r.kind === 'ModelEndpoint') {
      const rec = await cp.store.getResource(project, 'ModelEndpoint', r.name);
      if (rec) releases.push(rec.id);
      slots.push({ ...base, fits: true });
      continue;
    }
    // A create or growth the named lease holds gets exactly the leased allocation (header `Aicloud-Lease`).
    const leased = (r.action === 'create' || r.action === 'grow') && leaseId ? await cp.leases?.leasedFor(cp, project, leaseId, { ...r }) : undefined;
    if (leased) {
      if (r.action === 'create') created.set(r.name, leased.owner);
      slots.push({ ...base, fits: true, allocation: leased.allocation });
      continue;
    }
    if (r.action === 'create') {
      const owner = `preview/${index}/${r.name}`;
      created.set(r.name, owner);
      // A cluster that names a queue is asked what its create will be asked: a queue that could never
      // admit it is a refusal here too, never "will queue".
      const refused = r.queue !== undefined ? await queueRefusal(cp, project, { ...r.cluster, queue: r.queue }) : undefined;
      if (refused) {
        slots.push({ ...base, fits: false, code: refused.code, message: refused.message });
        continue;
      }
      // Only types the queue has quota room for now can start it; with none it waits for quota.
      const queued = r.queue !== undefined ? { ...r.cluster, queue: r.queue } : undefined;
      const quota = queued ? await typesWithQuotaRoom(cp, project, queued, await planQuota.before(items)) : undefined;
      if (quota && quota.room.length === 0) {
        slots.push({ ...base, fits: false, queued: true, code: 'QUOTA_EXCEEDED', message: `waits in queue ${r.queue}: ${quota.full.join('; ')}` });
        continue;
      }
      // A partitioned cluster waits behind the partition requests that wait ahead of it on a type.
      const behind = queued ? await typesBehindPartitions(cp, project, queued) : [];
      const open = quota ? quota.room.filter((t) => !behind.includes(t)) : undefined;
      if (open && open.length === 0) {
        const why = behind.map((t) => `${t}: behind an earlier request waiting for ${t} partitions in ${r.cluster.zone}`);
        slots.push({
          ...base,
          fits: false,
          queued: true,
          code: 'CAPACITY_EXHAUSTED',
          message: `waits in queue ${r.queue}: ${[...why, ...quota!.full].join('; ')}`,
        });
        continue;
      }
      const asked =
        open && r.cluster.acceleratorTypes !== undefined
          ? { ...r.cluster, acceleratorTypes: r.cluster.acceleratorTypes.filter((t) => open.includes(t)) }
          : r.cluster;
      if (queued) planQuota.asked(items.length, queued);
      slots.push({ item: items.length });
      items.push({ owner, project, ...clusterAsk(asked) });
      continue;
    }
    const rec = await cp.store.getResource(project, 'Cluster', r.name);
    if (r.action === 'release') {
      if (rec) releases.push(rec.id);
      slots.push({ ...base, fits: true });
      continue;
    }
    const held = rec ? cp.allocator.holdings(rec.id) : undefined;
    if (!rec || !held) {
      slots.push({ ...base, fits: false, code: 'NOT_FOUND', message: `cluster ${r.name} holds no accelerators in project ${project}` });
      continue;
    }
    const servers = held.servers.length;
    if (r.nodeCount <= servers) {
      // Shrinking only frees accelerators; the batch is judged without counting them.
      slots.push({ ...base, fits: true });
      continue;
    }
    slots.push({ item: items.length, held: { servers: held.servers.map((s) => s.serverId), count: held.acceleratorCount } });
    // Growth asks for the new servers only, as the update will.
    items.push({ owner: rec.id, project, ...clusterAsk(specOf(readDoc(rec), 'Cluster'), r.nodeCount - servers), grow: true });
  }
  const { results } = cp.allocator.preview(items, { releases });
  return {
    results: slots.map((slot, index) => {
      if (!('item' in slot)) return slot;
      const d = results[slot.item]!;
      if (!d.ok && slot.names) for (const [owner, name] of slot.names) d.message = d.message.split(owner).join(name);
      return outcome(cp, index, requests[index]!, d, slot.held);
    }),
  };
}

/**
 * Whether a new queued endpoint's replicas fit its queue's quota at this point of the plan, on the
 * type its cluster runs on. Undefined when that is not known yet (a cluster created in the same plan,
 * or one still waiting with its type open: the endpoint then waits for its cluster first) or the queue
 * does not exist yet.
 */
async function replicasQuota(
  cp: ControlPlane,
  project: string,
  planQuota: PlanQuota,
  items: readonly PreviewItem[],
  r: Extract<PreviewRequest, { action: 'replicas' }>,
): Promise<{ ok: true; type: string; ask: number } | { ok: false; why: string } | undefined> {
  const cluster = await cp.store.getResource(project, 'Cluster', r.cluster);
  const type = cluster ? clusterTypeOf(readDoc(cluster)) : '';
  if (type === '' || !cp.allocator.holdings(cluster!.id)) return undefined;
  const ledger = await planQuota.before(items);
  const queue = planQuota.queueOf(r.queue!);
  if (!ledger.has(queue)) return undefined;
  const ask = replicasAsk(r, type);
  const fits = ledger.fits(queue, type, ask);
  return fits.ok ? { ok: true, type, ask } : { ok: false, why: fits.why! };
}

/**
 * The create's own queue check, as an outcome: undefined when the queue could admit the cluster. A
 * queue that does not exist yet may be created earlier in the same plan, so only an existing queue
 * that could never admit the cluster is a refusal here; the create checks the new one.
 */
async function queueRefusal(cp: ControlPlane, project: string, cluster: ClusterInputs & { queue: string }): Promise<AicloudError | undefined> {
  try {
    await checkQueuedCluster(cp, project, cluster);
    return undefined;
  } catch (e) {
    if (isAicloudError(e)) return e.code === 'DEPENDENCY_NOT_FOUND' ? undefined : e;
    throw e;
  }
}

/** A growth shows the whole allocation it would leave, as a create does. */
function outcome(cp: ControlPlane, index: number, r: PreviewRequest, d: Decision, held?: { servers: string[]; count: number }): PreviewOutcome {
  const base = { index, action: r.action, name: r.name };
  if (!d.ok && r.action === 'create' && r.queue && d.code === 'CAPACITY_EXHAUSTED') {
    return { ...base, fits: false, queued: true, code: d.code, message: `waits in queue ${r.queue}: ${d.message}` };
  }
  // An endpoint waits for room in its cluster, or for its cluster to be admitted from its own queue.
  if (!d.ok && r.action === 'replicas' && r.queue && (d.code === 'CAPACITY_EXHAUSTED' || d.code === 'DEPENDENCY_NOT_FOUND')) {
    return { ...base, fits: false, queued: true, code: d.code, message: `waits in queue ${r.queue}: ${d.message.replace(/preview\/\d+\//g, '')}` };
  }
  if (!d.ok) return { ...base, fits: false, code: d.code, message: d.message.replace(/preview\/\d+\//g, '') };
  if (d.slices)
    return {
      ...base,
      fits: true,
      allocation: summarizeSlices(
        cp.allocator.topology,
        d.zone,
        d.servers.map((s) => s.serverId),
        d.slices,
      ),
      acceleratorType: d.acceleratorType,
    };
  const servers = [...(held?.servers ?? []), ...d.servers.map((s) => s.serverId)];
  const allocation = summarizeServers(cp.allocator.topology, d.zone, servers, (held?.count ?? 0) + d.acceleratorCount);
  return { ...base, fits: true, allocation, acceleratorType: d.acceleratorType };
}

function parseRequest(r: unknown, i: number): PreviewRequest {
  const field = `requests[${i}]`;
  if (!r || typeof r !== 'object') throw apiError('INVALID_TYPE', `${field} must be an object`, { field, status: 400 });
  const o = r as Record<string, unknown>;
  const action = o.action ?? 'create';
  if (typeof o.name !== 'string') throw apiError('MISSING_FIELD', `${field}.name is required`, { field: `${field}.name`, status: 400 });
  if (action === 'release') {
    if (o.kind !== undefined && o.kind !== 'Cluster' && o.kind !== 'ModelEndpoint') {
      throw apiError('INVALID_VALUE', `${field}.kind must be Cluster or ModelEndpoint`, { field: `${field}.kind`, value: o.kind, status: 400 });
    }
    return { action, name: o.name, ...(o.kind === 'ModelEndpoint' ? { kind: 'ModelEndpoint' as const } : {}) };
  }
  if (action === 'grow') {
    if (!Number.isInteger(o.nodeCount) || (o.nodeCount as number) < 1) {
      throw apiError('OUT_OF_RANGE', `${field}.nodeCount must be a positive integer (the new total)`, { field: `${field}.nodeCount`, status: 400 });
    }
    return { action, name: o.name, nodeCount: o.nodeCount as number };
  }
  if (action === 'replicas') return parseReplicas(o, field);
  if (action !== 'create') {
    throw apiError('INVALID_VALUE', `${field}.action must be create, grow, release or replicas`, { field: `${field}.action`, value: action, status: 400 });
  }
  // The entry's cluster inputs are the core's to name and to validate.
  const v = validate('Cluster', clusterPreviewFields(o));
  if (!v.ok) {
    const d = v.diagnostics[0];
    throw apiError('INVALID_VALUE', `${field}.${d.path}: ${d.message}`, { field: `${field}.${d.path}`, status: 400 });
  }
  const c = v.value;
  if (o.queue !== undefined && typeof o.queue !== 'string') {
    throw apiError('INVALID_TYPE', `${field}.queue must be a string`, { field: `${field}.queue`, value: o.queue, status: 400 });
  }
  const cluster = { ...c, ...(typeof o.queue === 'string' && o.queue ? { queue: o.queue } : {}) };
  return { ...clusterPreviewCreate(cluster), cluster };
}

function parseReplicas(o: Record<string, unknown>, field: string): PreviewRequest {
  if (typeof o.cluster !== 'string') throw apiError('MISSING_FIELD', `${field}.cluster is required`, { field: `${field}.cluster`, status: 400 });
  if (o.acceleratorProfile !== undefined && typeof o.acceleratorProfile !== 'string') {
    throw apiError('INVALID_TYPE', `${field}.acceleratorProfile must be a string`, {
      field: `${field}.acceleratorProfile`,
      value: o.acceleratorProfile,
      status: 400,
    });
  }
  // One instance per replica on partitions; whole accelerators otherwise.
  const per = o.acceleratorProfile !== undefined ? (o.acceleratorsPerReplica ?? 1) : o.acceleratorsPerReplica;
  for (const [k, v] of [
    ['replicas', o.replicas],
    ['acceleratorsPerReplica', per],
  ] as const) {
    if (!Number.isInteger(v) || (v as number) < 1) {
      throw apiError('OUT_OF_RANGE', `${field}.${k} must be a positive integer`, { field: `${field}.${k}`, value: v, status: 400 });
    }
  }
  if (o.queue !== undefined && typeof o.queue !== 'string') {
    throw apiError('INVALID_TYPE', `${field}.queue must be a string`, { field: `${field}.queue`, value: o.queue, status: 400 });
  }
  return {
    action: 'replicas',
    name: o.name as string,
    cluster: o.cluster,
    replicas: o.replicas as number,
    acceleratorsPerReplica: per as number,
    ...(o.acceleratorProfile !== undefined ? { acceleratorProfile: o.acceleratorProfile as string } : {}),
    ...(o.queue ? { queue: o.queue as string } : {}),
  };
}
