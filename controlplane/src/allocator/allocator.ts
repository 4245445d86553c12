import { AicloudError, findProfile, PARTITION_CATALOGUE, type PartitionCatalogue } from '../../../core/index.ts';
import type { Inventory } from '../inventory/types.ts';
import { AllocState } from './alloc-state.ts';
import { capacityReport } from './capacity-report.ts';
import { checkInvariants } from './check-invariants.ts';
import { decide } from './decide.ts';
import { describeNeed } from './describe-request.ts';
import type { EngineContext, Need, Part } from './engine-types.ts';
import { quotaKey, type AllocatorInternals, type HoldingState, type SliceHolding, type SlicePiece } from './holding-state.ts';
import { describeFreeBlock, largestFreeBlock } from './largest-free-block.ts';
import { normalizeRequest } from './normalize-request.ts';
import { placeReplicaParts } from './place-replicas.ts';
import { chooseReplicaSlices } from './place-replica-slices.ts';
import { carveReplicaSlices, type CarveServer } from './carve-replica-slices.ts';
import type { Policy, PolicyName } from './policy.ts';
import { createPolicy, DEFAULT_POLICY } from './policies/policy-registry.ts';
import { seededRandom } from './seeded-random.ts';
import { placeSlices, SliceScoreCache } from './place-slices.ts';
import { SliceWorkload } from './slice-workload.ts';
import { popcount } from './server-layout.ts';
import { allowedBlocks, type BlockLimits } from './restrict-blocks.ts';
import { shrinkOrder } from './shrink-plan.ts';
import { Topology } from './topology.ts';
import type {
  AllocationRequest, CapacityFilter, CapacityReport, Decision, HealthReport, Holding, HoldingRow, InvariantReport,
  PlacedServer, Placement, PreviewItem, PreviewResult, Refusal, ReplicaRequest, Scope,
} from './types.ts';
import { WorkloadProfile } from './workload-profile.ts';

export interface AllocatorOptions {
  /** A policy by name, or any implementation of the interface (the benchmark measures variants this way). */
  policy?: PolicyName | Policy;
  /** Seeds the random policy; every other policy is deterministic. */
  seed?: number;
  /**
   * Where the workload profile comes from: `commit` (default) learns from committed placements;
   * `manual` only from `observe()`, for callers that see every arrival (the benchmark).
   */
  learn?: 'commit' | 'manual';
  /** Partition catalogues by type name; the core's catalogue by default (the benchmark adds its own GPU's). */
  partitions?: Record<string, PartitionCatalogue>;
}

/**
 * The accelerator allocator: an in-memory index over the inventory. Decisions (`place`, `grow`,
 * `placeReplicas`, `preview`, `shrinkPlan`) change nothing; mutations (`commit`, `release`,
 * `releaseServers`) are explicit, so the store can write the same change in its own transaction and
 * rebuild the index with `load` after a restart.
 */
export class Allocator {
  readonly topology: Topology;
  readonly policy: Policy;
  private state: AllocState;
  private readonly profile: WorkloadProfile;
  private readonly rng: () => number;
  private readonly seed: number;
  private readonly learn: 'commit' | 'manual' | 'off';
  private readonly holdingsByOwner = new Map<string, HoldingState>();
  private readonly ownerNames: (string | undefined)[] = [];
  private readonly freeOwnerNos: number[] = [];
  private readonly quotas = new Map<string, number>();
  private readonly quotaUsed = new Map<string, number>();
  private loadViolations: string[] = [];
  private readonly partsOf = new WeakMap<object, Part[][]>();
  private readonly partitions: (PartitionCatalogue | undefined)[];
  private readonly sliceWorkloads: (SliceWorkload | undefined)[];
  private readonly sliceHoldings = new Map<string, SliceHolding>();
  private sliceCache: SliceScoreCache | undefined;
  /** Per type index: partition holdings, so whole requests know when partitions are around. */
  private readonly slicedTypes = new Map<number, number>();
  /** Accelerators of whole-accelerator clusters cut into instances for endpoints: units and positions taken. */
  private readonly carved = new Map<number, { units: number; positions: number }>();
  /** Per cluster: the endpoints whose replicas run on partition instances of it (taken or cut). */
  private readonly sliceChildren = new Map<string, Set<string>>();

  constructor(inventory: Inventory | Topology, options: AllocatorOptions & { profile?: WorkloadProfile; learnOff?: boolean; sliceWorkloads?: (SliceWorkload | undefined)[] } = {}) {
    this.topology = inventory instanceof Topology ? inventory : new Topology(inventory);
    this.policy = typeof options.policy === 'object' ? options.policy : createPolicy(options.policy ?? DEFAULT_POLICY);
    this.seed = options.seed ?? 1;
    this.rng = seededRandom(this.seed);
    this.learn = options.learnOff ? 'off' : options.learn ?? 'commit';
    this.state = new AllocState(this.topology);
    this.profile = options.profile ?? new WorkloadProfile(this.topology);
    const catalogues = options.partitions ?? PARTITION_CATALOGUE;
    this.partitions = this.topology.typeNames.map((name) => catalogues[name]);
    this.sliceWorkloads = options.sliceWorkloads ?? this.partitions.map((c) => c && new SliceWorkload(c));
  }

  /** Decides where a new request goes; changes nothing. */
  place(req: AllocationRequest): Decision {
    if (req.profile !== undefined) return this.placeProfile(req);
    const need = normalizeRequest(this.topology, req);
    if ('ok' in need) return need;
    const quota = this.checkQuota(req, need.accelerators);
    if (quota) return quota;
    // Servers with one fast-link group only: with HCCS groups a piece must stay inside a group, which the engine keeps.
    const oneGroup = this.topology.layouts[this.topology.typeLayout[need.type]!]!.groups.length === 1;
    if (oneGroup && req.scope === 'server' && req.unit === 'accelerators' && (this.slicedTypes.get(need.type) ?? 0) > 0) {
      const part = this.placeWholeBesideSlices(need, req.count);
      return part ? this.toPlacement(req, [[part]], {}) : this.capacityRefusal(req, need);
    }
    const parts = decide(this.context(need.type, need.scope), need);
    if (!parts) return this.capacityRefusal(req, need);
    return this.toPlacement(req, [parts], {});
  }

  /**
   * Whole accelerators on one server of a type that has partitions: scored with the same slice-aware
   * measure as partitions (a whole accelerator is a partition of every unit), so the policy sees what a
   * whole request does to the partly used accelerators around it.
   */
  private placeWholeBesideSlices(need: Need, count: number): Part | undefined {
    const catalogue = this.partitions[need.type]!;
    const whole = { name: '(whole)', size: catalogue.units, compute: catalogue.units, memoryGib: 0, starts: [0] };
    const workload = this.sliceWorkloads[need.type];
    const classes = workload?.classes() ?? [];
    this.sliceCache ??= new SliceScoreCache(this.topology.serverCount);
    const choice = placeSlices(
      { topo: this.topology, state: this.state, policy: this.policy.name, rng: this.rng, classes, generation: workload?.generation ?? 0, cache: this.sliceCache },
      { zones: need.zones, type: need.type, catalogue, profile: whole, count, cpu: need.cpu, mem: need.mem },
    );
    if (!choice) return undefined;
    let mask = 0;
    for (const p of choice.pieces) mask |= 1 << p.index;
    return { server: choice.server, mask: mask >>> 0, cpu: need.cpu, mem: need.mem };
  }

  /**
   * Like `place`, but only in (or never in) the named supernodes; changes nothing. The admission
   * engine uses it to keep backfill out of a reserved gang's fence and to place moves elsewhere.
   */
  placeWithin(req: AllocationRequest, limits: BlockLimits): Decision {
    const need = normalizeRequest(this.topology, req);
    if ('ok' in need) return need;
    const quota = this.checkQuota(req, need.accelerators);
    if (quota) return quota;
    need.onlyBlocks = allowedBlocks(this.topology, need.type, need.zones, limits);
    const parts = decide(this.context(need.type, need.scope), need);
    if (!parts) return this.capacityRefusal(req, need);
    return this.toPlacement(req, [parts], {});
  }

  /**
   * Decides where an owner's growth goes: next to what it holds (inside its supernode when the scope
   * is `supernode`), or a refusal. Commit the result with `commit`.
   */
  grow(owner: string, req: Omit<AllocationRequest, 'owner'> & { owner?: string }): Decision {
    const h = this.holdingsByOwner.get(owner);
    const request: AllocationRequest = { ...req, owner };
    const refuse = (code: Refusal['code'], field: string | undefined, message: string): Refusal => {
      const r: Refusal = { ok: false, code, message, owner, project: req.project };
      if (field) r.field = field;
      return r;
    };
    if (!h) return refuse('NOT_FOUND', undefined, `${owner} holds no accelerators to grow from`);
    if (h.parent !== undefined) return refuse('INVALID_VALUE', undefined, `${owner} is an endpoint; place its replicas again instead of growing it`);
    const typeName = this.topology.typeNames[h.type]!;
    if (req.acceleratorType !== typeName) return refuse('INVALID_VALUE', 'acceleratorType', `${owner} holds ${typeName}; it cannot grow with ${req.acceleratorType}`);
    const zoneName = this.topology.zoneNames[h.zone]!;
    if (req.zone !== undefined && req.zone !== zoneName) return refuse('INVALID_VALUE', 'zone', `${owner} is in ${zoneName}; it cannot grow into ${req.zone}`);
    if (req.scope === 'server') return refuse('INVALID_VALUE', 'scope', `${owner} holds one server (scope server) and cannot grow; use scope supernode, zone or spread`);
    request.zone = zoneName;
    request.region = this.topology.zoneRegion[h.zone];
    const need = normalizeRequest(this.topology, request);
    if ('ok' in need) return need;
    const quota = this.checkQuota(request, need.accelerators);
    if (quota) return quota;
    const heldPerBlock = new Map<number, number>();
    for (const s of h.parts.keys()) {
      const b = this.topology.serverBlock[s]!;
      heldPerBlock.set(b, (heldPerBlock.get(b) ?? 0) + 1);
    }
    need.heldPerBlock = heldPerBlock;
    if (req.scope === 'supernode') need.onlyBlocks = new Set(heldPerBlock.keys());
    const parts = decide(this.context(need.type, need.scope), need);
    if (!parts) {
      const where = req.scope === 'supernode'
        ? `${[...heldPerBlock.keys()].map((b) => this.topology.blockLabel(b)).join(', ')} of ${zoneName}`
        : zoneName;
      return this.capacityRefusal(request, need, where);
    }
    return this.toPlacement(request, [parts], { growth: true });
  }

  /** Places an endpoint's replicas inside its cluster's holding; changes nothing. */
  placeReplicas(req: ReplicaRequest): Decision {
    if (req.profile !== undefined || this.sliceHoldings.has(req.clusterOwner)) return this.placeReplicaSlices(req);
    const cluster = this.holdingsByOwner.get(req.clusterOwner);
    const project = cluster?.project ?? '';
    const refuse = (code: Refusal['code'], field: string | undefined, message: string, extra: Partial<Refusal> = {}): Refusal => {
      const r: Refusal = { ok: false, code, message, owner: req.endpointOwner, project, ...extra };
      if (field) r.field = field;
      return r;
    };
    if (!cluster || cluster.parent !== undefined) return refuse('DEPENDENCY_NOT_FOUND', 'cluster', `cluster ${req.clusterOwner} holds no accelerators for endpoint ${req.endpointOwner}`);
    if (!Number.isInteger(req.replicas) || req.replicas < 1) return refuse('OUT_OF_RANGE', 'replicas', `replicas must be a whole number of at least 1, got ${String(req.replicas)}`);
    if (!Number.isInteger(req.acceleratorsPerReplica) || req.acceleratorsPerReplica < 1) {
      return refuse('OUT_OF_RANGE', 'acceleratorsPerReplica', `acceleratorsPerReplica must be a whole number of at least 1, got ${String(req.acceleratorsPerReplica)}`);
    }
    const own = this.holdingsByOwner.get(req.endpointOwner);
    if (own && own.parent !== req.clusterOwner) return refuse('INVALID_VALUE', undefined, `${req.endpointOwner} already holds accelerators outside cluster ${req.clusterOwner}`);
    if (this.sliceHoldings.has(req.endpointOwner)) return refuse('INVALID_VALUE', 'acceleratorProfile', `${req.endpointOwner} runs on partition instances; whole accelerators need it replaced`);
    const ownNo = own?.no ?? -2;
    const { topo, state } = this;
    const available = new Map<number, number>();
    for (const [s, part] of cluster.parts) {
      let mask = state.draining[s] ? 0 : (part.mask & ~state.faulty[s]!) >>> 0;
      const base = topo.serverBase[s]!;
      for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) {
        if (m & 1 && ((state.subHolder[base + i]! >= 0 && state.subHolder[base + i] !== ownNo) || this.carved.has(base + i))) mask &= ~(1 << i);
      }
      available.set(s, mask >>> 0);
    }
    const typeName = topo.typeNames[cluster.type]!;
    const outcome = placeReplicaParts(topo, available, typeName, req.replicas, req.acceleratorsPerReplica);
    const need = `need ${req.replicas} replica${req.replicas === 1 ? '' : 's'} x ${req.acceleratorsPerReplica} ${typeName} for ${req.endpointOwner} inside cluster ${req.clusterOwner}`;
    if (!outcome.ok) {
      if (outcome.reason === 'size') return refuse('TOPOLOGY_MISMATCH', 'acceleratorsPerReplica', `${need}: ${outcome.message}`);
      const block = { accelerators: outcome.largest, where: outcome.where };
      return refuse('CAPACITY_EXHAUSTED', 'replicas', `${need}; ${outcome.placed} fit; ${describeFreeBlock(block).replace('largest free block', 'largest free block in the cluster')}`, { largestFreeBlock: block });
    }
    const request: AllocationRequest = {
      owner: req.endpointOwner, project, acceleratorType: typeName, zone: topo.zoneNames[cluster.zone], region: topo.zoneRegion[cluster.zone],
      count: req.replicas * req.acceleratorsPerReplica, unit: 'accelerators', scope: 'zone',
    };
    return this.toPlacement(request, outcome.replicas, { parentOwner: req.clusterOwner });
  }

  /**
   * Makes a placement real. Throws when it no longer fits (something else committed first) or would
   * break the quota, so a stale decision can never double-book an accelerator.
   */
  commit(owner: string, placement: Placement): void {
    if (placement.owner !== owner) throw new AicloudError('INTERNAL', `placement for ${placement.owner} committed as ${owner}`);
    if (placement.slices && placement.parentOwner !== undefined) return this.commitReplicaSlices(owner, placement);
    if (placement.slices) return this.commitSlices(owner, placement);
    const replicas = this.resolveParts(placement);
    if (placement.parentOwner !== undefined) return this.commitReplicas(owner, placement, replicas);
    const parts = replicas.flat();
    const type = this.topology.typeIndex.get(placement.acceleratorType);
    const zone = this.topology.zoneIndex.get(placement.zone);
    if (type === undefined || zone === undefined) throw new AicloudError('INVALID_VALUE', `placement names unknown type or zone (${placement.acceleratorType}, ${placement.zone})`);
    const existing = this.holdingsByOwner.get(owner);
    if (existing && !placement.growth) throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators; grow it or release it first`);
    if (existing && (existing.type !== type || existing.zone !== zone)) throw new AicloudError('INVALID_VALUE', `${owner} holds ${this.topology.typeNames[existing.type]} in ${this.topology.zoneNames[existing.zone]}; a growth must match`);
    const { state, topo } = this;
    let count = 0;
    const seen = new Set<number>();
    for (const p of parts) {
      if (topo.serverType[p.server] !== type || topo.serverZone[p.server] !== zone || seen.has(p.server)) {
        throw new AicloudError('INVALID_VALUE', `placement for ${owner} does not match its type and zone`);
      }
      seen.add(p.server);
      if ((state.usable[p.server]! & p.mask) >>> 0 !== p.mask || state.cpuFree[p.server]! < p.cpu || state.memFree[p.server]! < p.mem) {
        throw new AicloudError('CAPACITY_EXHAUSTED', `placement for ${owner} is stale: ${topo.serverName[p.server]} of ${topo.zoneNames[zone]} no longer has those accelerators free`, { hint: 'Place the request again.' });
      }
      count += popcount(p.mask);
    }
    const limit = this.quotas.get(quotaKey(placement.project, placement.acceleratorType));
    const used = this.quotaUsed.get(quotaKey(placement.project, placement.acceleratorType)) ?? 0;
    if (limit !== undefined && used + count > limit) {
      throw new AicloudError('QUOTA_EXCEEDED', `quota for ${placement.acceleratorType} in project ${placement.project} is ${limit}; ${used} in use, asked ${count}`);
    }
    const h = existing ?? this.newHolding(owner, placement.project, type, zone);
    for (const p of parts) {
      state.hold(p.server, p.mask, h.no, p.cpu, p.mem);
      const prev = h.parts.get(p.server);
      h.parts.set(p.server, prev ? { mask: (prev.mask | p.mask) >>> 0, cpu: prev.cpu + p.cpu, mem: prev.mem + p.mem } : { mask: p.mask, cpu: p.cpu, mem: p.mem });
    }
    h.count += count;
    this.addQuotaUse(h.project, type, count);
    if (this.learn === 'commit') this.observe({ ...placement, count: placement.unit === 'servers' ? placement.servers.length : placement.acceleratorCount });
  }

  /** Frees everything an owner holds (a cluster's endpoints too); returns which owners were released. */
  release(owner: string): { owners: string[]; acceleratorCount: number } {
    const sh = this.sliceHoldings.get(owner);
    if (sh?.parent !== undefined) {
      // An endpoint's instances are its cluster's: only the marks on them go.
      for (const p of this.sliceHoldings.get(sh.parent)?.pieces ?? []) if (p.user === owner) delete p.user;
      if (!this.sliceHoldings.has(sh.parent)) this.carve(sh.pieces, -1);
      this.sliceHoldings.delete(owner);
      this.sliceChildren.get(sh.parent)?.delete(owner);
      if (this.sliceChildren.get(sh.parent)?.size === 0) this.sliceChildren.delete(sh.parent);
      return { owners: [owner], acceleratorCount: 0 };
    }
    if (sh) {
      const released: string[] = [];
      for (const child of [...(this.sliceChildren.get(owner) ?? [])]) released.push(...this.release(child).owners);
      for (const p of sh.pieces) {
        const index = p.acc - this.topology.serverBase[sh.server]!;
        this.state.slice(sh.server, index, p.units, p.positions, 0, 0, -1);
      }
      this.state.slice(sh.server, 0, 0, 0, sh.cpu, sh.mem, -1);
      this.sliceHoldings.delete(owner);
      this.slicedTypes.set(sh.type, (this.slicedTypes.get(sh.type) ?? 0) - 1);
      return { owners: [...released, owner], acceleratorCount: 0 };
    }
    const h = this.holdingsByOwner.get(owner);
    if (!h) return { owners: [], acceleratorCount: 0 };
    const owners: string[] = [];
    for (const child of [...h.children]) owners.push(...this.release(child).owners);
    for (const child of [...(this.sliceChildren.get(owner) ?? [])]) owners.push(...this.release(child).owners);
    const { state, topo } = this;
    if (h.parent !== undefined) {
      for (const [s, part] of h.parts) {
        const base = topo.serverBase[s]!;
        for (let i = 0, m = part.mask; m !== 0; i++, m >>>= 1) if (m & 1 && state.subHolder[base + i] === h.no) state.subHolder[base + i] = -1;
      }
      this.holdingsByOwner.get(h.parent)?.children.delete(owner);
    } else {
      for (const [s, part] of h.parts) state.unhold(s, part.mask, part.cpu, part.mem);
      this.addQuotaUse(h.project, h.type, -h.count);
    }
    this.dropHolding(h);
    owners.push(owner);
    return { owners, acceleratorCount: h.parent === undefined ? h.count : 0 };
  }

  /** Which of an owner's servers to release to shrink by `servers`, leaving the fewest fragments. */
  shrinkPlan(owner: string, servers: number): string[] {
    const h = this.requireHolding(owner);
    if (!Number.isInteger(servers) || servers < 0 || servers > h.parts.size) {
      throw new AicloudError('OUT_OF_RANGE', `${owner} holds ${h.parts.size} servers; cannot release ${servers}`, { field: 'nodeCount', value: servers });
    }
    return shrinkOrder(this.topology, this.state, h.parts, servers, new Set(this.carved.keys())).map((s) => this.topology.serverName[s]!);
  }

  /** Gives back some of an owner's servers (ids within its zone); endpoints on them lose those accelerators. */
  releaseServers(owner: string, serverIds: readonly string[]): { acceleratorCount: number; affectedEndpoints: string[] } {
    const h = this.requireHolding(owner);
    if (h.parent !== undefined) throw new AicloudError('INVALID_VALUE', `${owner} is an endpoint; release it whole`);
    const { topo, state } = this;
    const zone = topo.zoneNames[h.zone]!;
    const servers = serverIds.map((id) => {
      const s = topo.serverIndex.get(`${zone}/${id}`);
      if (s === undefined || !h.parts.has(s)) throw new AicloudError('NOT_FOUND', `${owner} does not hold server ${id} in ${zone}`, { field: 'servers', value: id });
      return s;
    });
    const affected = new Set<string>();
    let count = 0;
    // Endpoints with instances cut on a released server lose them all (an endpoint's instances share one server).
    for (const child of [...(this.sliceChildren.get(owner) ?? [])]) {
      if (servers.includes(this.sliceHoldings.get(child)!.server)) { affected.add(child); this.release(child); }
    }
    for (const s of new Set(servers)) {
      const part = h.parts.get(s)!;
      for (const child of h.children) {
        const c = this.holdingsByOwner.get(child)!;
        const sub = c.parts.get(s);
        if (!sub) continue;
        affected.add(child);
        c.parts.delete(s);
        c.count -= popcount(sub.mask);
      }
      state.unhold(s, part.mask, part.cpu, part.mem);
      h.parts.delete(s);
      count += popcount(part.mask);
    }
    h.count -= count;
    this.addQuotaUse(h.project, h.type, -count);
    for (const child of affected) {
      const c = this.holdingsByOwner.get(child);
      if (c && c.count === 0) this.release(child);
    }
    if (h.count === 0) this.release(owner);
    return { acceleratorCount: count, affectedEndpoints: [...affected] };
  }

  /**
   * A dry run of a plan's allocations together: releases first, then each item in order against what
   * the earlier ones took. Nothing changes here.
   */
  preview(items: readonly PreviewItem[], opts: { releases?: readonly string[] } = {}): PreviewResult {
    const scratch = this.fork();
    for (const owner of opts.releases ?? []) scratch.release(owner);
    const results: Decision[] = [];
    for (const item of items) {
      let d: Decision;
      if ('clusterOwner' in item) d = scratch.placeReplicas(item);
      else if (item.grow && scratch.holdingsByOwner.has(item.owner)) d = scratch.grow(item.owner, item);
      else d = scratch.place(item);
      if (d.ok) {
        try {
          scratch.commit(d.owner, d);
        } catch (e) {
          d = { ok: false, code: 'CAPACITY_EXHAUSTED', message: (e as Error).message, owner: d.owner, project: d.project };
        }
      }
      results.push(d);
    }
    return { ok: results.every((r) => r.ok), results };
  }

  /** Rebuilds holdings from persisted rows (replacing any held now); health marks and quotas stay. */
  load(rows: readonly HoldingRow[]): void {
    const { topo } = this;
    const fresh = new AllocState(topo);
    for (let s = 0; s < topo.serverCount; s++) {
      if (this.state.faulty[s]) { fresh.faulty[s] = this.state.faulty[s]!; fresh.refresh(s); }
      if (this.state.draining[s]) fresh.setDraining(s, true);
    }
    this.state = fresh;
    this.sliceCache = undefined;
    this.holdingsByOwner.clear();
    this.ownerNames.length = 0;
    this.freeOwnerNos.length = 0;
    this.quotaUsed.clear();
    this.loadViolations = [];
    this.sliceHoldings.clear();
    this.slicedTypes.clear();
    // Clusters' partitions first, then the endpoint replicas that run on them.
    this.carved.clear();
    this.sliceChildren.clear();
    for (const row of rows) if (row.slice && row.parentOwner === undefined) this.loadSliceRow(row);
    const resolved = rows.filter((row) => !row.slice).map((row) => ({ row, at: topo.resolveAccelerator(row.acceleratorId) }));
    for (const pass of ['clusters', 'endpoints'] as const) {
      for (const { row, at } of resolved) {
        if ((row.parentOwner === undefined) !== (pass === 'clusters')) continue;
        if (!at) { this.loadViolations.push(`row of ${row.owner} names unknown accelerator ${row.acceleratorId}`); continue; }
        const bit = (1 << at.index) >>> 0;
        const acc = topo.serverBase[at.server]! + at.index;
        let h = this.holdingsByOwner.get(row.owner);
        if (!h) h = this.newHolding(row.owner, row.project, topo.serverType[at.server]!, topo.serverZone[at.server]!, row.parentOwner);
        if (h.type !== topo.serverType[at.server] || h.zone !== topo.serverZone[at.server]) {
          this.loadViolations.push(`${row.owner} has rows in more than one zone or type (${row.acceleratorId})`);
          continue;
        }
        if (pass === 'clusters') {
          const other = this.state.holder[acc]!;
          if (other >= 0) {
            this.loadViolations.push(`${row.acceleratorId} is held twice: by ${this.ownerNames[other]} and ${row.owner}`);
            continue;
          }
          this.state.hold(at.server, bit, h.no, 0, 0);
          this.addQuotaUse(h.project, h.type, 1);
        } else {
          const parent = this.holdingsByOwner.get(row.parentOwner!);
          if (!parent || parent.parent !== undefined || !((parent.parts.get(at.server)?.mask ?? 0) & bit)) {
            this.loadViolations.push(`endpoint ${row.owner} uses ${row.acceleratorId}, which ${row.parentOwner} does not hold`);
            continue;
          }
          if (this.state.subHolder[acc]! >= 0) {
            this.loadViolations.push(`${row.acceleratorId} is used by two endpoints: ${this.ownerNames[this.state.subHolder[acc]!]} and ${row.owner}`);
            continue;
          }
          this.state.subHolder[acc] = h.no;
        }
        const prev = h.parts.get(at.server);
        h.parts.set(at.server, { mask: ((prev?.mask ?? 0) | bit) >>> 0, cpu: 0, mem: 0 });
        h.count++;
      }
    }
    // Endpoint instances last: they need their cluster, and whole endpoints' accelerators known.
    for (const row of rows) if (row.slice && row.parentOwner !== undefined) this.loadReplicaSliceRow(row);
  }

  /** One row per accelerator an owner holds, to persist with the resource. */
  rowsFor(owner: string): HoldingRow[] {
    const sh = this.sliceHoldings.get(owner);
    if (sh) {
      return sh.pieces.map((p) => ({
        acceleratorId: this.accName(p.acc), owner, project: sh.project, slice: { profile: sh.profile, start: p.start, units: p.units },
        ...(sh.parent !== undefined ? { parentOwner: sh.parent } : {}),
      }));
    }
    const h = this.holdingsByOwner.get(owner);
    if (!h) return [];
    const rows: HoldingRow[] = [];
    for (const s of [...h.parts.keys()].sort((a, b) => a - b)) {
      for (const id of this.topology.acceleratorNames(s, h.parts.get(s)!.mask)) {
        const row: HoldingRow = { acceleratorId: id, owner, project: h.project };
        if (h.parent !== undefined) row.parentOwner = h.parent;
        rows.push(row);
      }
    }
    return rows;
  }

  /** What an owner holds, shaped for its `allocation` output. */
  holdings(owner: string): Holding | undefined {
    const sh = this.sliceHoldings.get(owner);
    if (sh) return this.sliceHoldingView(sh);
    const h = this.holdingsByOwner.get(owner);
    if (!h) return undefined;
    const servers = this.placedServers([...h.parts].map(([server, p]) => ({ server, mask: p.mask, cpu: 0, mem: 0 })));
    const out: Holding = {
      owner, project: h.project, acceleratorType: this.topology.typeNames[h.type]!, region: this.topology.zoneRegion[h.zone]!,
      zone: this.topology.zoneNames[h.zone]!, acceleratorCount: h.count, supernodes: distinctSupernodes(servers), servers,
    };
    if (h.parent !== undefined) out.parentOwner = h.parent;
    return out;
  }

  /** Whether endpoints hold accelerators or instances inside this cluster, which then may not move or be preempted. */
  hasEndpointsInside(owner: string): boolean {
    return (this.holdingsByOwner.get(owner)?.children.size ?? 0) > 0 || (this.sliceChildren.get(owner)?.size ?? 0) > 0;
  }

  owners(): string[] {
    return [...this.holdingsByOwner.keys(), ...this.sliceHoldings.keys()];
  }

  /** A project's limit of one accelerator type, in accelerators; `null` removes it. */
  setQuota(project: string, acceleratorType: string, limit: number | null): void {
    if (limit === null) { this.quotas.delete(quotaKey(project, acceleratorType)); return; }
    if (!Number.isInteger(limit) || limit < 0) throw new AicloudError('OUT_OF_RANGE', `a quota must be a whole number of accelerators, got ${String(limit)}`, { field: 'limit', value: limit });
    this.quotas.set(quotaKey(project, acceleratorType), limit);
  }

  quota(project: string, acceleratorType: string): { limit: number | null; used: number } {
    const key = quotaKey(project, acceleratorType);
    return { limit: this.quotas.get(key) ?? null, used: this.quotaUsed.get(key) ?? 0 };
  }

  /** Takes an accelerator out of service; whoever runs on it is reported, and keeps it until released. */
  markFaulty(acceleratorId: string, faulty = true): HealthReport {
    const at = this.topology.resolveAccelerator(acceleratorId);
    if (!at) throw new AicloudError('NOT_FOUND', `unknown accelerator ${acceleratorId}`, { field: 'acceleratorId', value: acceleratorId, hint: 'Accelerator ids look like cn-southwest-2a/sn-1/s07/3.' });
    this.state.setFaulty(at.server, at.index, faulty);
    return this.healthReport(at.server, (1 << at.index) >>> 0);
  }

  /** Stops new work on a server (`zone/serverId`, or a server id that only one zone has). */
  drainServer(serverRef: string, draining = true): HealthReport {
    const s = this.resolveServer(serverRef);
    this.state.setDraining(s, draining);
    return this.healthReport(s, this.topology.layoutOf(s).fullMask);
  }

  /** Every faulty accelerator and draining server now, and who still runs there. */
  health(): HealthReport & { drainingServers: string[] } {
    const { topo, state } = this;
    const ids: string[] = [];
    const drainingServers: string[] = [];
    const affected = new Map<string, HealthReport['affected'][number]>();
    for (let s = 0; s < topo.serverCount; s++) {
      const mask = state.draining[s] ? topo.layoutOf(s).fullMask : state.faulty[s]!;
      if (mask === 0) continue;
      if (state.draining[s]) drainingServers.push(`${topo.zoneNames[topo.serverZone[s]!]}/${topo.serverName[s]}`);
      const report = this.healthReport(s, mask);
      for (let i = 0, m = state.faulty[s]!; m !== 0; i++, m >>>= 1) if (m & 1) ids.push(topo.acceleratorName(s, i));
      for (const entry of report.affected) {
        const known = affected.get(entry.owner);
        if (known) known.acceleratorIds.push(...entry.acceleratorIds);
        else affected.set(entry.owner, entry);
      }
    }
    return { acceleratorIds: ids, drainingServers, affected: [...affected.values()] };
  }

  capacity(filter?: CapacityFilter): CapacityReport {
    return capacityReport(this.internals(), filter);
  }

  checkInvariants(liveOwners: ReadonlySet<string>): InvariantReport {
    return checkInvariants(this.internals(), liveOwners);
  }

  /**
   * Takes host CPU and memory of server `server` (an index) for work that holds no accelerator, such as
   * the CPU-only pods of a trace replay, so that later decisions see the host as it is. It is not a holding
   * (nothing to release or check); the caller has checked the host has room.
   */
  reserveHost(server: number, cpuMilli: number, memoryMib: number): void {
    this.state.slice(server, 0, 0, 0, cpuMilli, memoryMib, 1);
  }

  /** Tells fragmentation-aware policies about a request the workload made (placed or not). */
  observe(req: Pick<AllocationRequest, 'acceleratorType' | 'count' | 'unit' | 'scope' | 'cpuMilli' | 'memoryMib' | 'profile'>, weight = 1): void {
    const t = this.topology.typeIndex.get(req.acceleratorType);
    if (t === undefined || !(req.count >= 1)) return;
    const slices = this.sliceWorkloads[t];
    if (req.profile !== undefined) {
      const profile = findProfile(this.partitions[t], req.profile);
      if (profile) slices?.observeSlice(profile, req.cpuMilli ?? 0, req.memoryMib ?? 0, weight * req.count);
      return;
    }
    const per = this.topology.layouts[this.topology.typeLayout[t]!]!.count;
    const accelerators = req.unit === 'servers' ? req.count * per : req.count;
    if (accelerators <= per) slices?.observeWhole(accelerators, req.cpuMilli ?? 0, req.memoryMib ?? 0, weight);
    if (req.scope === 'server' || (req.unit === 'accelerators' && accelerators < per)) {
      this.profile.observe(t, { size: Math.min(accelerators, per), servers: 0, cpuMilli: req.cpuMilli ?? 0, memoryMib: req.memoryMib ?? 0 }, weight);
    } else {
      this.profile.observe(t, { size: 0, servers: Math.ceil(accelerators / per), cpuMilli: 0, memoryMib: 0 }, weight);
    }
  }

  private commitReplicas(owner: string, placement: Placement, replicas: Part[][]): void {
    const parentOwner = placement.parentOwner!;
    const cluster = this.holdingsByOwner.get(parentOwner);
    if (!cluster || cluster.parent !== undefined) throw new AicloudError('DEPENDENCY_NOT_FOUND', `cluster ${parentOwner} holds no accelerators`);
    const existing = this.holdingsByOwner.get(owner);
    if (existing && existing.parent !== parentOwner) throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators outside cluster ${parentOwner}`);
    if (this.sliceHoldings.has(owner)) throw new AicloudError('ALREADY_EXISTS', `${owner} runs on partition instances; release it before placing whole replicas`);
    const { topo, state } = this;
    const ownNo = existing?.no ?? -2;
    const parts = replicas.flat();
    for (const p of parts) {
      const clusterMask = cluster.parts.get(p.server)?.mask ?? 0;
      const base = topo.serverBase[p.server]!;
      let clash = (p.mask & ~clusterMask) >>> 0 !== 0 || (p.mask & state.faulty[p.server]!) !== 0 || state.draining[p.server] === 1;
      for (let i = 0, m = p.mask; m !== 0 && !clash; i++, m >>>= 1) {
        if (m & 1 && ((state.subHolder[base + i]! >= 0 && state.subHolder[base + i] !== ownNo) || this.carved.has(base + i))) clash = true;
      }
      if (clash) throw new AicloudError('CAPACITY_EXHAUSTED', `replica placement for ${owner} is stale: ${topo.serverName[p.server]} no longer has those accelerators free in ${parentOwner}`, { hint: 'Place the replicas again.' });
    }
    if (existing) this.release(owner);
    const h = this.newHolding(owner, cluster.project, cluster.type, cluster.zone, parentOwner);
    for (const p of parts) {
      const base = topo.serverBase[p.server]!;
      for (let i = 0, m = p.mask; m !== 0; i++, m >>>= 1) if (m & 1) state.subHolder[base + i] = h.no;
      const prev = h.parts.get(p.server);
      h.parts.set(p.server, { mask: ((prev?.mask ?? 0) | p.mask) >>> 0, cpu: 0, mem: 0 });
      h.count += popcount(p.mask);
    }
  }

  private context(type: number, scope?: Scope): EngineContext {
    return { topo: this.topology, state: this.state, tables: this.profile.tables(type), rng: this.rng, policy: this.policy, scope };
  }

  private checkQuota(req: AllocationRequest, asked: number): Refusal | undefined {
    const key = quotaKey(req.project, req.acceleratorType);
    const limit = this.quotas.get(key);
    if (limit === undefined) return undefined;
    const used = this.quotaUsed.get(key) ?? 0;
    if (used + asked <= limit) return undefined;
    return {
      ok: false, code: 'QUOTA_EXCEEDED', owner: req.owner, project: req.project,
      message: `quota for ${req.acceleratorType} in project ${req.project} is ${limit}; ${used} in use, asked ${asked}`,
      quota: { project: req.project, acceleratorType: req.acceleratorType, limit, used, asked },
    };
  }

  private capacityRefusal(req: AllocationRequest, need: Need, growthWhere?: string): Refusal {
    const { topo } = this;
    const blocks: number[] = [];
    for (const z of need.zones) for (const b of topo.zoneBlocks[z]!.get(need.type) ?? []) if (!need.onlyBlocks || need.onlyBlocks.has(b)) blocks.push(b);
    const scope = need.onlyBlocks ? 'supernode' : req.scope === 'spread' ? 'zone' : req.scope;
    const scoped = scope === 'supernode' ? blocks.filter((b) => topo.blockIsSupernode[b]) : blocks;
    const block = largestFreeBlock({ topo, state: this.state }, scoped, scope, need.zones.length > 1);
    return {
      ok: false, code: 'CAPACITY_EXHAUSTED', owner: req.owner, project: req.project,
      message: `${describeNeed(topo, req, need.accelerators, growthWhere)}; ${describeFreeBlock(block)}`,
      largestFreeBlock: block,
    };
  }

  private toPlacement(req: AllocationRequest, replicas: Part[][], extra: { growth?: boolean; parentOwner?: string }): Placement {
    const parts = replicas.flat();
    const servers = this.placedServers(parts);
    const zone = this.topology.serverZone[parts[0]!.server]!;
    const placement: Placement = {
      ok: true, owner: req.owner, project: req.project, acceleratorType: req.acceleratorType,
      region: this.topology.zoneRegion[zone]!, zone: this.topology.zoneNames[zone]!, scope: req.scope, unit: req.unit,
      acceleratorCount: parts.reduce((a, p) => a + popcount(p.mask), 0), supernodes: distinctSupernodes(servers), servers,
    };
    if (extra.growth) placement.growth = true;
    if (extra.parentOwner !== undefined) {
      placement.parentOwner = extra.parentOwner;
      placement.replicas = replicas.map((rp, index) => ({
        index, supernode: this.topology.blockName[this.topology.serverBlock[rp[0]!.server]!] ?? null,
        servers: rp.map((p) => this.topology.serverName[p.server]!),
        acceleratorIds: rp.flatMap((p) => this.topology.acceleratorNames(p.server, p.mask)),
      }));
    }
    this.partsOf.set(placement, replicas);
    return placement;
  }

  private placedServers(parts: readonly Part[]): PlacedServer[] {
    const { topo } = this;
    return [...parts].sort((a, b) => a.server - b.server).map((p) => ({
      serverId: topo.serverName[p.server]!, supernode: topo.blockName[topo.serverBlock[p.server]!] ?? null, acceleratorIds: topo.acceleratorNames(p.server, p.mask),
    }));
  }

  /** Parts of a placement: remembered for our own objects, re-read from ids after a JSON round trip. */
  private resolveParts(placement: Placement): Part[][] {
    const known = this.partsOf.get(placement);
    if (known) return known;
    const toParts = (ids: readonly string[]): Part[] => {
      const byServer = new Map<number, number>();
      for (const id of ids) {
        const at = this.topology.resolveAccelerator(id);
        if (!at) throw new AicloudError('INVALID_VALUE', `placement names unknown accelerator ${id}`, { field: 'acceleratorIds', value: id });
        byServer.set(at.server, ((byServer.get(at.server) ?? 0) | (1 << at.index)) >>> 0);
      }
      return [...byServer].map(([server, mask]) => ({ server, mask, cpu: 0, mem: 0 }));
    };
    if (placement.replicas) return placement.replicas.map((r) => toParts(r.acceleratorIds));
    return [toParts(placement.servers.flatMap((s) => s.acceleratorIds))];
  }

  private newHolding(owner: string, project: string, type: number, zone: number, parent?: string): HoldingState {
    const no = this.freeOwnerNos.pop() ?? this.ownerNames.length;
    this.ownerNames[no] = owner;
    const h: HoldingState = { owner, no, project, type, zone, children: new Set(), parts: new Map(), count: 0 };
    if (parent !== undefined) {
      h.parent = parent;
      this.holdingsByOwner.get(parent)?.children.add(owner);
    }
    this.holdingsByOwner.set(owner, h);
    return h;
  }

  private dropHolding(h: HoldingState): void {
    this.holdingsByOwner.delete(h.owner);
    this.ownerNames[h.no] = undefined;
    this.freeOwnerNos.push(h.no);
  }

  private requireHolding(owner: string): HoldingState {
    const h = this.holdingsByOwner.get(owner);
    if (!h) throw new AicloudError('NOT_FOUND', `${owner} holds no accelerators`, { field: 'owner', value: owner });
    return h;
  }

  private addQuotaUse(project: string, type: number, delta: number): void {
    const key = quotaKey(project, this.topology.typeNames[type]!);
    const next = (this.quotaUsed.get(key) ?? 0) + delta;
    if (next === 0) this.quotaUsed.delete(key);
    else this.quotaUsed.set(key, next);
  }

  private resolveServer(ref: string): number {
    const { topo } = this;
    const direct = topo.serverIndex.get(ref);
    if (direct !== undefined) return direct;
    const matches = topo.zoneNames.map((z) => topo.serverIndex.get(`${z}/${ref}`)).filter((s): s is number => s !== undefined);
    if (matches.length === 1) return matches[0]!;
    const hint = matches.length > 1 ? `Several zones have ${ref}; prefix the zone (${topo.zoneNames[topo.serverZone[matches[0]!]!]}/${ref}).` : 'Server ids look like cn-southwest-2a/sn-1/s07.';
    throw new AicloudError('NOT_FOUND', matches.length > 1 ? `server ${ref} is ambiguous` : `unknown server ${ref}`, { field: 'serverId', value: ref, hint });
  }

  private healthReport(s: number, mask: number): HealthReport {
    const { topo, state } = this;
    const base = topo.serverBase[s]!;
    const byOwner = new Map<number, string[]>();
    const ids: string[] = [];
    for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) {
      if (!(m & 1)) continue;
      const id = topo.acceleratorName(s, i);
      ids.push(id);
      for (const no of [state.holder[base + i]!, state.subHolder[base + i]!]) {
        if (no < 0) continue;
        if (!byOwner.has(no)) byOwner.set(no, []);
        byOwner.get(no)!.push(id);
      }
    }
    const affected = [...byOwner].map(([no, acceleratorIds]) => {
      const h = this.holdingsByOwner.get(this.ownerNames[no]!)!;
      const entry: HealthReport['affected'][number] = { owner: h.owner, project: h.project, acceleratorIds };
      if (h.parent !== undefined) entry.parentOwner = h.parent;
      return entry;
    });
    // Partition owners on those accelerators are affected too.
    for (const sh of this.sliceHoldings.values()) {
      if (sh.server !== s) continue;
      const hit = sh.pieces.filter((p) => (mask >>> (p.acc - base)) & 1).map((p) => this.accName(p.acc));
      if (hit.length) affected.push({ owner: sh.owner, project: sh.project, acceleratorIds: [...new Set(hit)], ...(sh.parent !== undefined ? { parentOwner: sh.parent } : {}) });
    }
    return { acceleratorIds: ids, affected };
  }

  private internals(): AllocatorInternals {
    return {
      topo: this.topology, state: this.state, holdings: this.holdingsByOwner, ownerNames: this.ownerNames, quotaUsed: this.quotaUsed, loadViolations: this.loadViolations,
      partitions: this.partitions, sliceHoldings: this.sliceHoldings, carved: this.carved, sliceChildren: this.sliceChildren,
    };
  }

  /** A scratch copy for previews: shares the topology and the learned profile, learns nothing itself. */
  private fork(): Allocator {
    const copy = new Allocator(this.topology, {
      policy: this.policy, seed: this.seed ^ 0x9e3779b9, profile: this.profile, learnOff: true, sliceWorkloads: this.sliceWorkloads,
      partitions: Object.fromEntries(this.topology.typeNames.flatMap((n, i) => (this.partitions[i] ? [[n, this.partitions[i]!]] : []))),
    });
    for (const [owner, sh] of this.sliceHoldings) copy.sliceHoldings.set(owner, { ...sh, pieces: sh.pieces.map((p) => ({ ...p })) });
    for (const [k, v] of this.slicedTypes) copy.slicedTypes.set(k, v);
    for (const [k, v] of this.carved) copy.carved.set(k, { ...v });
    for (const [k, v] of this.sliceChildren) copy.sliceChildren.set(k, new Set(v));
    copy.state = this.state.clone();
    for (const [owner, h] of this.holdingsByOwner) {
      copy.holdingsByOwner.set(owner, { ...h, children: new Set(h.children), parts: new Map([...h.parts].map(([s, p]) => [s, { ...p }])) });
    }
    copy.ownerNames.push(...this.ownerNames);
    copy.freeOwnerNos.push(...this.freeOwnerNos);
    for (const [k, v] of this.quotas) copy.quotas.set(k, v);
    for (const [k, v] of this.quotaUsed) copy.quotaUsed.set(k, v);
    return copy;
  }

  /** Places `count` instances of a partition profile on one server; changes nothing. */
  private placeProfile(req: AllocationRequest): Decision {
    const refuse = (code: Refusal['code'], field: string, message: string, hint?: string): Refusal => {
      const r: Refusal = { ok: false, code, message, owner: req.owner, project: req.project, field };
      if (hint) r.hint = hint;
      return r;
    };
    const need = normalizeRequest(this.topology, { ...req, count: 1, unit: 'accelerators', scope: 'server' });
    if ('ok' in need) return need;
    const catalogue = this.partitions[need.type];
    if (!catalogue) return refuse('INVALID_VALUE', 'acceleratorProfile', `${req.acceleratorType} cannot be partitioned; got profile ${req.profile}`, 'Leave acceleratorProfile out to get whole accelerators.');
    const profile = findProfile(catalogue, req.profile!);
    if (!profile) return refuse('INVALID_VALUE', 'acceleratorProfile', `${req.acceleratorType} has no partition profile ${req.profile}`, `Use one of: ${catalogue.profiles.map((p) => p.name).join(', ')}.`);
    const per = this.topology.layoutOf(this.topology.blockStart[this.topology.zoneBlocks[need.zones[0]!]!.get(need.type)![0]!]!).count;
    const maxCount = per * Math.floor(catalogue.units / profile.size);
    if (!Number.isInteger(req.count) || req.count < 1 || req.count > maxCount) {
      return refuse('OUT_OF_RANGE', 'count', `count of ${profile.name} instances must be a whole number from 1 to ${maxCount} (one server), got ${String(req.count)}`);
    }
    const workload = this.sliceWorkloads[need.type];
    const classes = workload?.classes() ?? [];
    this.sliceCache ??= new SliceScoreCache(this.topology.serverCount);
    const choice = placeSlices(
      { topo: this.topology, state: this.state, policy: this.policy.name, rng: this.rng, classes, generation: workload?.generation ?? 0, cache: this.sliceCache },
      { zones: need.zones, type: need.type, catalogue, profile, count: req.count, cpu: need.cpu, mem: need.mem },
    );
    if (!choice) {
      return refuse('CAPACITY_EXHAUSTED', 'count', `no server of ${req.zone ?? req.region ?? 'this cloud'} has room for ${req.count} ${profile.name} of ${req.acceleratorType}`, 'Ask for fewer instances, a smaller profile, or release partitions.');
    }
    const s = choice.server;
    const base = this.topology.serverBase[s]!;
    const slices = choice.pieces.map((p) => ({ acceleratorId: this.accName(base + p.index), profile: profile.name, start: p.start, units: p.units }));
    const z = this.topology.serverZone[s]!;
    return {
      ok: true, owner: req.owner, project: req.project, acceleratorType: req.acceleratorType, region: this.topology.zoneRegion[z]!, zone: this.topology.zoneNames[z]!,
      scope: 'server', unit: 'accelerators', acceleratorCount: 0, supernodes: this.topology.blockName[this.topology.serverBlock[s]!] ? [this.topology.blockName[this.topology.serverBlock[s]!]!] : [],
      servers: [{ serverId: this.topology.serverName[s]!, supernode: this.topology.blockName[this.topology.serverBlock[s]!] ?? null, acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))] }],
      profile: profile.name, slices, ...(need.cpu || need.mem ? { hostShare: { cpu: need.cpu, mem: need.mem } } : {}),
    };
  }

  /** Makes a partition placement real; throws when an instance's room was taken meanwhile. */
  private commitSlices(owner: string, placement: Placement): void {
    if (this.sliceHoldings.has(owner) || this.holdingsByOwner.has(owner)) throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators; release it first`);
    const type = this.topology.typeIndex.get(placement.acceleratorType);
    const catalogue = type === undefined ? undefined : this.partitions[type];
    const profile = findProfile(catalogue, placement.profile ?? '');
    if (type === undefined || !catalogue || !profile) throw new AicloudError('INVALID_VALUE', `placement names unknown type or profile (${placement.acceleratorType}, ${placement.profile})`);
    const pieces: SliceHolding['pieces'] = [];
    let server = -1;
    const taken = new Map<number, { units: number; positions: number }>();
    for (const sl of placement.slices!) {
      const at = this.topology.resolveAccelerator(sl.acceleratorId);
      if (!at || this.topology.serverType[at.server] !== type || (server >= 0 && at.server !== server) || sl.profile !== profile.name || sl.units !== profile.size) {
        throw new AicloudError('INVALID_VALUE', `partition placement for ${owner} does not match its type, profile or server`);
      }
      server = at.server;
      const acc = this.topology.serverBase[at.server]! + at.index;
      const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << sl.start) >>> 0 : 0;
      if (catalogue.kind === 'positional' && !profile.starts!.includes(sl.start)) throw new AicloudError('INVALID_VALUE', `${profile.name} cannot start at position ${sl.start}`);
      const prev = taken.get(acc) ?? { units: 0, positions: 0 };
      const bit = (1 << at.index) >>> 0;
      const st = this.state;
      const open = !st.draining[at.server] && !(st.faulty[at.server]! & bit) && (st.sliceUnits[acc]! > 0 || (st.usable[at.server]! & bit) !== 0);
      if (!open || st.sliceUnits[acc]! + prev.units + profile.size > catalogue.units || ((st.slicePositions[acc]! | prev.positions) & positions) !== 0) {
        throw new AicloudError('CAPACITY_EXHAUSTED', `placement for ${owner} is stale: ${sl.acceleratorId} no longer has room for ${profile.name}`, { hint: 'Place the request again.' });
      }
      taken.set(acc, { units: prev.units + profile.size, positions: (prev.positions | positions) >>> 0 });
      pieces.push({ acc, start: sl.start, positions, units: profile.size });
    }
    const host = placement.hostShare ?? { cpu: 0, mem: 0 };
    if (this.state.cpuFree[server]! < host.cpu || this.state.memFree[server]! < host.mem) throw new AicloudError('CAPACITY_EXHAUSTED', `placement for ${owner} is stale: host CPU or memory taken`, { hint: 'Place the request again.' });
    for (const p of pieces) this.state.slice(server, p.acc - this.topology.serverBase[server]!, p.units, p.positions, 0, 0, 1);
    this.state.slice(server, 0, 0, 0, host.cpu, host.mem, 1);
    this.slicedTypes.set(type, (this.slicedTypes.get(type) ?? 0) + 1);
    this.sliceHoldings.set(owner, { owner, project: placement.project, type, zone: this.topology.serverZone[server]!, server, profile: profile.name, pieces, cpu: host.cpu, mem: host.mem });
    if (this.learn === 'commit') this.sliceWorkloads[type]?.observeSlice(profile, host.cpu, host.mem, pieces.length);
  }

  /** Rebuilds one partition row; a row that clashes is recorded as a violation, not loaded. */
  private loadSliceRow(row: HoldingRow): void {
    const at = this.topology.resolveAccelerator(row.acceleratorId);
    if (!at) { this.loadViolations.push(`row of ${row.owner} names unknown accelerator ${row.acceleratorId}`); return; }
    const type = this.topology.serverType[at.server]!;
    const catalogue = this.partitions[type];
    const profile = findProfile(catalogue, row.slice!.profile);
    if (!catalogue || !profile) { this.loadViolations.push(`row of ${row.owner} names unknown profile ${row.slice!.profile} of ${this.topology.typeNames[type]}`); return; }
    const acc = this.topology.serverBase[at.server]! + at.index;
    const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << row.slice!.start) >>> 0 : 0;
    let sh = this.sliceHoldings.get(row.owner);
    if (sh && (sh.server !== at.server || sh.profile !== profile.name)) { this.loadViolations.push(`${row.owner} has partition rows on more than one server or profile (${row.acceleratorId})`); return; }
    if (this.state.sliceUnits[acc]! + profile.size > catalogue.units || (this.state.slicePositions[acc]! & positions) !== 0) {
      this.loadViolations.push(`${row.acceleratorId}: partition ${profile.name} of ${row.owner} overlaps slices already held`);
      return;
    }
    if (!sh) {
      sh = { owner: row.owner, project: row.project, type, zone: this.topology.serverZone[at.server]!, server: at.server, profile: profile.name, pieces: [], cpu: 0, mem: 0 };
      this.sliceHoldings.set(row.owner, sh);
      this.slicedTypes.set(type, (this.slicedTypes.get(type) ?? 0) + 1);
    }
    this.state.slice(at.server, at.index, profile.size, positions, 0, 0, 1);
    sh.pieces.push({ acc, start: row.slice!.start, positions, units: profile.size });
  }

  /**
   * Replicas of an endpoint with a profile, one per instance of its partitioned cluster that no other
   * endpoint uses; changes nothing. A cluster of whole accelerators, or a different profile, is refused.
   */
  private placeReplicaSlices(req: ReplicaRequest): Decision {
    const c = req.clusterOwner;
    const e = req.endpointOwner;
    const cluster = this.sliceHoldings.get(c);
    const whole = this.holdingsByOwner.get(c);
    const project = cluster?.project ?? whole?.project ?? '';
    const refuse = (code: Refusal['code'], field: string, message: string, hint?: string): Refusal => {
      const r: Refusal = { ok: false, code, message, owner: e, project, field };
      if (hint) r.hint = hint;
      return r;
    };
    if (!cluster || cluster.parent !== undefined) {
      if (whole && whole.parent === undefined) return this.placeCarvedReplicas(req, whole, refuse);
      return refuse('DEPENDENCY_NOT_FOUND', 'cluster', `cluster ${c} holds no accelerators for endpoint ${e}`);
    }
    if (req.profile === undefined) {
      return refuse('INVALID_VALUE', 'acceleratorProfile', `cluster ${c} holds ${cluster.profile} partitions, not whole accelerators, and endpoint ${e} names no acceleratorProfile`, `Set acceleratorProfile to ${cluster.profile} and acceleratorsPerReplica to 1.`);
    }
    if (req.profile !== cluster.profile) {
      return refuse('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${req.profile} of endpoint ${e} is not the profile of cluster ${c} (${cluster.profile})`, `Set acceleratorProfile to ${cluster.profile}, or run the endpoint on a cluster of ${req.profile}.`);
    }
    if (!Number.isInteger(req.replicas) || req.replicas < 1) return refuse('OUT_OF_RANGE', 'replicas', `replicas must be a whole number of at least 1, got ${String(req.replicas)}`);
    if (req.acceleratorsPerReplica !== 1) {
      return refuse('INVALID_VALUE', 'acceleratorsPerReplica', `acceleratorsPerReplica ${String(req.acceleratorsPerReplica)} with acceleratorProfile ${req.profile}: each replica runs on one instance`, 'Set acceleratorsPerReplica to 1.');
    }
    const own = this.sliceHoldings.get(e);
    if (this.holdingsByOwner.has(e) || (own && own.parent !== c)) return refuse('INVALID_VALUE', 'cluster', `${e} already holds accelerators outside cluster ${c}`);
    const { topo, state } = this;
    const s = cluster.server;
    const base = topo.serverBase[s]!;
    const outcome = chooseReplicaSlices(cluster, e, req.replicas, (p) => !state.draining[s] && !((state.faulty[s]! >>> (p.acc - base)) & 1));
    if (!outcome.ok) {
      const others = outcome.usedByOthers.length ? `, ${cluster.pieces.length - outcome.free - outcome.unavailable} used by ${outcome.usedByOthers.join(', ')}` : '';
      const down = outcome.unavailable ? `, ${outcome.unavailable} on faulty accelerators or a draining server` : '';
      return refuse(
        'CAPACITY_EXHAUSTED', 'replicas',
        `need ${req.replicas} replica${req.replicas === 1 ? '' : 's'} x ${req.profile} for ${e} inside cluster ${c}; ${outcome.free} fit: the cluster has ${cluster.pieces.length} ${req.profile} instance${cluster.pieces.length === 1 ? '' : 's'}, ${outcome.free} free${others}${down}`,
        'Ask for fewer replicas, raise the cluster\'s profileCount, or free instances other endpoints use.',
      );
    }
    const serverId = topo.serverName[s]!;
    const supernode = topo.blockName[topo.serverBlock[s]!] ?? null;
    const slices = outcome.pieces.map((p) => ({ acceleratorId: this.accName(p.acc), profile: cluster.profile, start: p.start, units: p.units }));
    return {
      ok: true, owner: e, project, acceleratorType: topo.typeNames[cluster.type]!, region: topo.zoneRegion[cluster.zone]!, zone: topo.zoneNames[cluster.zone]!,
      scope: 'server', unit: 'accelerators', acceleratorCount: 0, supernodes: supernode ? [supernode] : [],
      servers: [{ serverId, supernode, acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))] }],
      parentOwner: c, profile: cluster.profile, slices,
      replicas: slices.map((slice, index) => ({ index, supernode, servers: [serverId], acceleratorIds: [slice.acceleratorId], slice })),
    };
  }

  /**
   * Replicas of an endpoint with a profile on a cluster of whole accelerators: instances cut from the
   * cluster's accelerators that no endpoint holds whole, all on one server. A so-cut accelerator is never
   * handed out whole to another endpoint, and is whole again when its last instance goes.
   */
  private placeCarvedReplicas(req: ReplicaRequest, whole: HoldingState, refuse: (code: Refusal['code'], field: string, message: string, hint?: string) => Refusal): Decision {
    const { topo, state } = this;
    const c = req.clusterOwner;
    const e = req.endpointOwner;
    const typeName = topo.typeNames[whole.type]!;
    const catalogue = this.partitions[whole.type];
    if (!catalogue) return refuse('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${req.profile}: ${typeName} cannot be partitioned`, `Leave acceleratorProfile out to run on whole ${typeName}.`);
    const profile = findProfile(catalogue, req.profile!);
    if (!profile) return refuse('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${req.profile} is not a profile of ${typeName}`, `Use one of: ${catalogue.profiles.map((p) => p.name).join(', ')}.`);
    if (!Number.isInteger(req.replicas) || req.replicas < 1) return refuse('OUT_OF_RANGE', 'replicas', `replicas must be a whole number of at least 1, got ${String(req.replicas)}`);
    if (req.acceleratorsPerReplica !== 1) return refuse('INVALID_VALUE', 'acceleratorsPerReplica', `acceleratorsPerReplica ${String(req.acceleratorsPerReplica)} with acceleratorProfile ${req.profile}: each replica runs on one instance`, 'Set acceleratorsPerReplica to 1.');
    const own = this.sliceHoldings.get(e);
    if (this.holdingsByOwner.has(e) || (own && own.parent !== c)) return refuse('INVALID_VALUE', 'cluster', `${e} already holds accelerators outside cluster ${c}`);
    const servers: CarveServer[] = [];
    for (const [s, part] of [...whole.parts].sort((a, b) => a[0] - b[0])) {
      if (state.draining[s]) continue;
      const base = topo.serverBase[s]!;
      const accs: number[] = [];
      for (let i = 0, m = (part.mask & ~state.faulty[s]!) >>> 0; m !== 0; i++, m >>>= 1) if (m & 1 && state.subHolder[base + i]! < 0) accs.push(base + i);
      servers.push({ server: s, accs });
    }
    const mine = own?.pieces ?? [];
    const outcome = carveReplicaSlices(servers, catalogue, profile, req.replicas, (acc) => {
      const all = this.carved.get(acc) ?? { units: 0, positions: 0 };
      let units = all.units;
      let positions = all.positions;
      for (const p of mine) if (p.acc === acc) { units -= p.units; positions = (positions & ~p.positions) >>> 0; }
      return { units, positions };
    });
    if (!outcome.ok) {
      const where = outcome.where >= 0 ? ` (${topo.serverName[outcome.where]})` : '';
      return refuse(
        'CAPACITY_EXHAUSTED', 'replicas',
        `need ${req.replicas} replica${req.replicas === 1 ? '' : 's'} x ${profile.name} for ${e} inside cluster ${c}; at most ${outcome.most} fit on one server${where}: instances are cut from one server's accelerators that no endpoint holds whole`,
        'Ask for fewer replicas, free accelerators other endpoints hold whole, or grow the cluster.',
      );
    }
    const s = outcome.server;
    const serverId = topo.serverName[s]!;
    const supernode = topo.blockName[topo.serverBlock[s]!] ?? null;
    const slices = outcome.pieces.map((p) => ({ acceleratorId: this.accName(p.acc), profile: profile.name, start: p.start, units: p.units }));
    return {
      ok: true, owner: e, project: whole.project, acceleratorType: typeName, region: topo.zoneRegion[whole.zone]!, zone: topo.zoneNames[whole.zone]!,
      scope: 'server', unit: 'accelerators', acceleratorCount: 0, supernodes: supernode ? [supernode] : [],
      servers: [{ serverId, supernode, acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))] }],
      parentOwner: c, profile: profile.name, slices,
      replicas: slices.map((slice, index) => ({ index, supernode, servers: [serverId], acceleratorIds: [slice.acceleratorId], slice })),
    };
  }

  private addSliceChild(cluster: string, endpoint: string): void {
    let set = this.sliceChildren.get(cluster);
    if (!set) this.sliceChildren.set(cluster, (set = new Set()));
    set.add(endpoint);
  }

  /** Cuts (or, with -1, gives back) endpoint instances on whole clusters' accelerators. */
  private carve(pieces: readonly SlicePiece[], sign: 1 | -1): void {
    for (const p of pieces) {
      const was = this.carved.get(p.acc) ?? { units: 0, positions: 0 };
      const units = was.units + sign * p.units;
      const positions = sign > 0 ? (was.positions | p.positions) >>> 0 : (was.positions & ~p.positions) >>> 0;
      if (units <= 0) this.carved.delete(p.acc);
      else this.carved.set(p.acc, { units, positions });
    }
  }

  /** Makes a carved placement real; throws when an accelerator was taken whole or its room was cut meanwhile. */
  private commitCarvedReplicas(owner: string, placement: Placement, whole: HoldingState): void {
    const c = placement.parentOwner!;
    const { topo, state } = this;
    const catalogue = this.partitions[whole.type];
    const profile = findProfile(catalogue, placement.profile ?? '');
    if (!catalogue || !profile) throw new AicloudError('INVALID_VALUE', `placement for ${owner} names unknown profile ${placement.profile}`);
    const existing = this.sliceHoldings.get(owner);
    if (this.holdingsByOwner.has(owner) || (existing && existing.parent !== c)) throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators outside cluster ${c}`);
    const mine = existing?.pieces ?? [];
    const taken = new Map<number, { units: number; positions: number }>();
    const pieces: SlicePiece[] = [];
    let server = -1;
    for (const sl of placement.slices!) {
      const at = topo.resolveAccelerator(sl.acceleratorId);
      const stale = () => new AicloudError('CAPACITY_EXHAUSTED', `replica placement for ${owner} is stale: ${sl.acceleratorId} has no room for ${profile.name} in ${c}`, { hint: 'Place the replicas again.' });
      if (!at || (server >= 0 && at.server !== server) || sl.profile !== profile.name || sl.units !== profile.size) throw stale();
      server = at.server;
      const bit = (1 << at.index) >>> 0;
      const acc = topo.serverBase[at.server]! + at.index;
      const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << sl.start) >>> 0 : 0;
      if (catalogue.kind === 'positional' && !profile.starts!.includes(sl.start)) throw stale();
      const all = this.carved.get(acc) ?? { units: 0, positions: 0 };
      let units = all.units;
      let held = all.positions;
      for (const p of mine) if (p.acc === acc) { units -= p.units; held = (held & ~p.positions) >>> 0; }
      const prev = taken.get(acc) ?? { units: 0, positions: 0 };
      const open = ((whole.parts.get(at.server)?.mask ?? 0) & bit) !== 0 && !state.draining[at.server] && !(state.faulty[at.server]! & bit) && state.subHolder[acc]! < 0;
      if (!open || units + prev.units + profile.size > catalogue.units || ((held | prev.positions) & positions) !== 0) throw stale();
      taken.set(acc, { units: prev.units + profile.size, positions: (prev.positions | positions) >>> 0 });
      pieces.push({ acc, start: sl.start, positions, units: profile.size });
    }
    if (existing) this.release(owner);
    this.carve(pieces, 1);
    this.sliceHoldings.set(owner, { owner, project: whole.project, type: whole.type, zone: whole.zone, server, profile: profile.name, pieces, cpu: 0, mem: 0, parent: c });
    this.addSliceChild(c, owner);
  }

  /** Rebuilds one carved instance row; a clash is recorded as a violation, not loaded. */
  private loadCarvedRow(row: HoldingRow, whole: HoldingState): void {
    const { topo, state } = this;
    const at = topo.resolveAccelerator(row.acceleratorId);
    const catalogue = this.partitions[whole.type];
    const profile = findProfile(catalogue, row.slice!.profile);
    const acc = at ? topo.serverBase[at.server]! + at.index : -1;
    if (!at || !catalogue || !profile || ((whole.parts.get(at.server)?.mask ?? 0) & (1 << at.index)) === 0) {
      this.loadViolations.push(`endpoint ${row.owner} uses a ${row.slice!.profile} instance on ${row.acceleratorId}, which cluster ${row.parentOwner} does not hold`);
      return;
    }
    const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << row.slice!.start) >>> 0 : 0;
    const cut = this.carved.get(acc) ?? { units: 0, positions: 0 };
    if (state.subHolder[acc]! >= 0 || cut.units + profile.size > catalogue.units || (cut.positions & positions) !== 0) {
      this.loadViolations.push(`${row.acceleratorId}: the ${profile.name} instance of endpoint ${row.owner} overlaps what another endpoint holds there`);
      return;
    }
    let sh = this.sliceHoldings.get(row.owner);
    if (sh && (sh.parent !== row.parentOwner || sh.server !== at.server)) { this.loadViolations.push(`${row.owner} has instance rows on more than one server or cluster (${row.acceleratorId})`); return; }
    if (!sh) {
      sh = { owner: row.owner, project: row.project, type: whole.type, zone: whole.zone, server: at.server, profile: profile.name, pieces: [], cpu: 0, mem: 0, parent: row.parentOwner! };
      this.sliceHoldings.set(row.owner, sh);
      this.addSliceChild(row.parentOwner!, row.owner);
    }
    const piece = { acc, start: row.slice!.start, positions, units: profile.size };
    this.carve([piece], 1);
    sh.pieces.push(piece);
  }

  /** Marks the cluster's instances an endpoint's replicas run on; throws when one was taken meanwhile. */
  private commitReplicaSlices(owner: string, placement: Placement): void {
    const c = placement.parentOwner!;
    const cluster = this.sliceHoldings.get(c);
    const whole = this.holdingsByOwner.get(c);
    if (!cluster && whole && whole.parent === undefined) return this.commitCarvedReplicas(owner, placement, whole);
    if (!cluster || cluster.parent !== undefined) throw new AicloudError('DEPENDENCY_NOT_FOUND', `cluster ${c} holds no partitions`);
    if (placement.profile !== cluster.profile) throw new AicloudError('INVALID_VALUE', `placement for ${owner} names profile ${placement.profile}; cluster ${c} holds ${cluster.profile}`);
    const existing = this.sliceHoldings.get(owner);
    if (this.holdingsByOwner.has(owner) || (existing && existing.parent !== c)) throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators outside cluster ${c}`);
    const { topo, state } = this;
    const taken = new Set<SlicePiece>();
    for (const sl of placement.slices!) {
      const at = topo.resolveAccelerator(sl.acceleratorId);
      const acc = at && at.server === cluster.server ? topo.serverBase[at.server]! + at.index : -1;
      const piece = cluster.pieces.find((p) => p.acc === acc && p.start === sl.start && !taken.has(p) && (p.user === undefined || p.user === owner));
      const open = at !== undefined && !state.draining[at.server] && !((state.faulty[at.server]! >>> at.index) & 1);
      if (!piece || !open) {
        throw new AicloudError('CAPACITY_EXHAUSTED', `replica placement for ${owner} is stale: ${sl.acceleratorId} has no free ${cluster.profile} instance of ${c} at ${sl.start}`, { hint: 'Place the replicas again.' });
      }
      taken.add(piece);
    }
    if (existing) this.release(owner);
    for (const p of taken) p.user = owner;
    this.sliceHoldings.set(owner, {
      owner, project: cluster.project, type: cluster.type, zone: cluster.zone, server: cluster.server, profile: cluster.profile,
      pieces: [...taken].map((p) => ({ acc: p.acc, start: p.start, positions: p.positions, units: p.units })), cpu: 0, mem: 0, parent: c,
    });
    this.addSliceChild(c, owner);
  }

  /** Rebuilds one replica's instance row: it must name a free instance of its partitioned cluster. */
  private loadReplicaSliceRow(row: HoldingRow): void {
    const c = row.parentOwner!;
    const cluster = this.sliceHoldings.get(c);
    const whole = this.holdingsByOwner.get(c);
    if (!cluster && whole && whole.parent === undefined) return this.loadCarvedRow(row, whole);
    const at = this.topology.resolveAccelerator(row.acceleratorId);
    const acc = at && cluster && at.server === cluster.server ? this.topology.serverBase[at.server]! + at.index : -1;
    const piece = cluster?.parent === undefined ? cluster?.pieces.find((p) => p.acc === acc && p.start === row.slice!.start && p.user === undefined) : undefined;
    if (!cluster || cluster.profile !== row.slice!.profile || !piece) {
      const held = cluster?.pieces.find((p) => p.acc === acc && p.start === row.slice!.start)?.user;
      this.loadViolations.push(held
        ? `${row.acceleratorId}: the ${row.slice!.profile} instance at ${row.slice!.start} is used by two endpoints: ${held} and ${row.owner}`
        : `endpoint ${row.owner} uses a ${row.slice!.profile} instance on ${row.acceleratorId}, which cluster ${c} does not hold`);
      return;
    }
    let sh = this.sliceHoldings.get(row.owner);
    if (sh && sh.parent !== c) { this.loadViolations.push(`${row.owner} has partition rows in more than one cluster (${row.acceleratorId})`); return; }
    if (!sh) {
      sh = { owner: row.owner, project: row.project, type: cluster.type, zone: cluster.zone, server: cluster.server, profile: cluster.profile, pieces: [], cpu: 0, mem: 0, parent: c };
      this.sliceHoldings.set(row.owner, sh);
      this.addSliceChild(c, row.owner);
    }
    piece.user = row.owner;
    sh.pieces.push({ acc: piece.acc, start: piece.start, positions: piece.positions, units: piece.units });
  }

  private sliceHoldingView(sh: SliceHolding): Holding {
    const s = sh.server;
    const supernode = this.topology.blockName[this.topology.serverBlock[s]!] ?? null;
    const slices = sh.pieces.map((p) => ({ acceleratorId: this.accName(p.acc), profile: sh.profile, start: p.start, units: p.units }));
    return {
      owner: sh.owner, project: sh.project, acceleratorType: this.topology.typeNames[sh.type]!, region: this.topology.zoneRegion[sh.zone]!, zone: this.topology.zoneNames[sh.zone]!,
      acceleratorCount: 0, supernodes: supernode ? [supernode] : [], servers: [{ serverId: this.topology.serverName[s]!, supernode, acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))] }],
      profile: sh.profile, slices, ...(sh.parent !== undefined ? { parentOwner: sh.parent } : {}),
    };
  }

  private accName(acc: number): string {
    const s = this.topology.acceleratorServer[acc]!;
    return this.topology.acceleratorName(s, acc - this.topology.serverBase[s]!);
  }

  private get topo(): Topology {
    return this.topology;
  }
}

function distinctSupernodes(servers: readonly PlacedServer[]): string[] {
  const out: string[] = [];
  for (const s of servers) if (s.supernode !== null && !out.includes(s.supernode)) out.push(s.supernode);
  return out;
}
