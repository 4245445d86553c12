import type { Inventory } from '../inventory/index.ts';
import { createCore, type AllocatorCore, type CoreOptions } from './allocator-core.ts';
import { capacityReport } from './capacity-report.ts';
import { serversFree, type ServerFree } from './server-free.ts';
import { checkInvariants } from './check-invariants.ts';
import { commit } from './commit.ts';
import { placeReplicas } from './endpoint-replicas.ts';
import { drainServer, health, markFaulty } from './health.ts';
import { hasEndpointsInside, holdingView, rowsFor } from './holding-views.ts';
import { loadRows } from './load-rows.ts';
import { observe } from './observe.ts';
import { grow, place, placeWithin } from './place-cluster.ts';
import type { Policy } from './policy.ts';
import { preview } from './preview.ts';
import { quotaOf, setQuota } from './quotas.ts';
import { release, releaseServers, shrinkPlan } from './release.ts';
import { ownersOnServers, replaceOwners } from './reload-servers.ts';
import type { BlockLimits } from './restrict-blocks.ts';
import { Topology } from './topology.ts';
import { TieOrder } from './tie-order.ts';
import { BusyElsewhere } from './busy-elsewhere.ts';
import type {
  AllocationRequest,
  CapacityFilter,
  CapacityReport,
  Decision,
  HealthReport,
  Holding,
  HoldingRow,
  InvariantReport,
  Placement,
  PlacementRequest,
  PreviewItem,
  PreviewResult,
  ReplicaRequest,
} from './types.ts';

export type { AllocatorOptions } from './allocator-core.ts';

/**
 * The accelerator allocator: an in-memory index over the inventory. Decisions (`place`, `grow`,
 * `placeReplicas`, `preview`, `shrinkPlan`) change nothing; mutations (`commit`, `release`,
 * `releaseServers`) are explicit, so the store can write the same change in its own transaction and
 * rebuild the index with `load` after a restart. The work is done by the parts beside this file, on
 * one shared `AllocatorCore`.
 */
export class Allocator {
  readonly topology: Topology;
  readonly policy: Policy;
  private readonly core: AllocatorCore;

  constructor(inventory: Inventory | Topology, options: CoreOptions = {}) {
    this.topology = inventory instanceof Topology ? inventory : new Topology(inventory);
    this.core = createCore(this.topology, options);
    this.policy = this.core.policy;
  }

  /**
   * Decides where a new request goes; changes nothing. A request listing `acceleratorTypes` lands
   * whole on the first type that fits (or the least fragmenting, with `typeOrder`); the placement's
   * `acceleratorType` names the type chosen.
   */
  place(req: PlacementRequest): Decision {
    return place(this.core, req);
  }

  /**
   * Like `place`, but only in (or never in) the named supernodes; changes nothing. The admission
   * engine uses it to keep backfill out of a reserved gang's fence and to place moves elsewhere.
   */
  placeWithin(req: PlacementRequest, limits: BlockLimits): Decision {
    return placeWithin(this.core, req, limits);
  }

  /**
   * Decides where an owner's growth goes: next to what it holds (inside its supernode when the scope
   * is `supernode`), or a refusal; a request listing several types grows on the type held. Commit the
   * result with `commit`.
   */
  grow(owner: string, req: Parameters<typeof grow>[2]): Decision {
    return grow(this.core, owner, req);
  }

  /** Places an endpoint's replicas inside its cluster's holding; changes nothing. */
  placeReplicas(req: ReplicaRequest): Decision {
    return placeReplicas(this.core, req);
  }

  /**
   * Makes a placement real. Throws when it no longer fits (something else committed first) or would
   * break the quota, so a stale decision can never double-book an accelerator.
   */
  commit(owner: string, placement: Placement): void {
    commit(this.core, owner, placement);
  }

  /** Frees everything an owner holds (a cluster's endpoints too); returns which owners were released. */
  release(owner: string): { owners: string[]; acceleratorCount: number } {
    return release(this.core, owner);
  }

  /** Which of an owner's servers to release to shrink by `servers`, leaving the fewest fragments. */
  shrinkPlan(owner: string, servers: number): string[] {
    return shrinkPlan(this.core, owner, servers);
  }

  /** Gives back some of an owner's servers (ids within its zone); endpoints on them lose those accelerators. */
  releaseServers(owner: string, serverIds: readonly string[]): { acceleratorCount: number; affectedEndpoints: string[] } {
    return releaseServers(this.core, owner, serverIds);
  }

  /**
   * A dry run of a plan's allocations together: releases first, then each item in order against what
   * the earlier ones took. Nothing changes here.
   */
  preview(items: readonly PreviewItem[], opts: { releases?: readonly string[] } = {}): PreviewResult {
    return preview(this.core, items, opts);
  }

  /**
   * Breaks equal scores in the order of instance `n` of a database's control planes (0: the index
   * order, what a control plane alone uses), so instances deciding in the same state choose apart.
   */
  useTieOrder(instance: number): void {
    this.core.tieOrder = instance === 0 ? TieOrder.INDEX : new TieOrder(instance);
  }

  /**
   * Other instances of the database changed these servers (`zone/serverId`): their supernodes are
   * where those instances place now, which this one avoids while another supernode can host a gang.
   */
  noteChangedElsewhere(servers: readonly string[]): void {
    const { topo } = this.core;
    const blocks: number[] = [];
    for (const name of servers) {
      const s = topo.serverIndex.get(name);
      if (s !== undefined) blocks.push(topo.serverBlock[s]!);
    }
    (this.core.busyElsewhere ??= new BusyElsewhere()).note(blocks);
  }

  /** Rebuilds holdings from persisted rows (replacing any held now); health marks and quotas stay. */
  load(rows: readonly HoldingRow[]): void {
    loadRows(this.core, rows);
  }

  /** Owners holding anything on these servers (`zone/serverId`) now; see `replaceOwners`. */
  ownersOnServers(servers: readonly string[]): Set<string> {
    return ownersOnServers(this.core, servers);
  }

  /**
   * Re-reads some owners from their rows (every row of theirs and of endpoints inside them), leaving
   * every other holding as it is: how an instance applies another instance's change to a few servers.
   */
  replaceOwners(owners: Iterable<string>, rows: readonly HoldingRow[]): void {
    replaceOwners(this.core, owners, rows);
  }

  /** One row per accelerator an owner holds, to persist with the resource. */
  rowsFor(owner: string): HoldingRow[] {
    return rowsFor(this.core, owner);
  }

  /** What an owner holds, shaped for its `allocation` output. */
  holdings(owner: string): Holding | undefined {
    return holdingView(this.core, owner);
  }

  /** Whether endpoints hold accelerators or instances inside this cluster, which then may not move or be preempted. */
  hasEndpointsInside(owner: string): boolean {
    return hasEndpointsInside(this.core, owner);
  }

  owners(): string[] {
    return [...this.core.holdings.keys(), ...this.core.sliceHoldings.keys()];
  }

  /** A project's limit of one accelerator type, in accelerators; `null` removes it. */
  setQuota(project: string, acceleratorType: string, limit: number | null): void {
    setQuota(this.core, project, acceleratorType, limit);
  }

  quota(project: string, acceleratorType: string): { limit: number | null; used: number } {
    return quotaOf(this.core, project, acceleratorType);
  }

  /** Takes an accelerator out of service; whoever runs on it is reported, and keeps it until released. */
  markFaulty(acceleratorId: string, faulty = true): HealthReport {
    return markFaulty(this.core, acceleratorId, faulty);
  }

  /** Stops new work on a server (`zone/serverId`, or a server id that only one zone has). */
  drainServer(serverRef: string, draining = true): HealthReport {
    return drainServer(this.core, serverRef, draining);
  }

  /** Every faulty accelerator and draining server now, and who still runs there. */
  health(): HealthReport & { drainingServers: string[] } {
    return health(this.core);
  }

  capacity(filter?: CapacityFilter): CapacityReport {
    return capacityReport(this.core, filter);
  }

  /** Each server's usable free accelerators: the part of `capacity` a caller asking often needs. */
  serversFree(filter?: CapacityFilter): ServerFree[] {
    return serversFree(this.core, filter);
  }

  checkInvariants(liveOwners: ReadonlySet<string>): InvariantReport {
    return checkInvariants(this.core, liveOwners);
  }

  /**
   * Takes host CPU and memory of server `server` (an index) for work that holds no accelerator, such as
   * the CPU-only pods of a trace replay, so that later decisions see the host as it is. It is not a holding
   * (nothing to release or check); the caller has checked the host has room.
   */
  reserveHost(server: number, cpuMilli: number, memoryMib: number): void {
    this.core.state.slice(server, 0, 0, 0, cpuMilli, memoryMib, 1);
  }

  /** Tells fragmentation-aware policies about a request the workload made (placed or not). */
  observe(req: Pick<AllocationRequest, 'acceleratorType' | 'count' | 'unit' | 'scope' | 'cpuMilli' | 'memoryMib' | 'profile'>, weight = 1): void {
    observe(this.core, req, weight);
  }
}
