import type { AllocState } from './alloc-state.ts';
import { keyOfMask, popcount } from './server-layout.ts';
import type { Topology } from './topology.ts';
import type { TieOrder } from './tie-order.ts';
import type { Scope } from './types.ts';
import type { ProfileTables } from './workload-profile.ts';

export type PolicyName = 'first-fit' | 'best-fit' | 'random' | 'fgd' | 'fgd-pack' | 'fgd-pack-cpu';

/** What a policy may look at while scoring; it never mutates anything. */
export interface ScoreContext {
  readonly topo: Topology;
  readonly state: AllocState;
  /** The workload profile of the request's accelerator type. */
  readonly tables: ProfileTables;
  readonly rng: () => number;
  /** The scope of the request being placed: a policy may treat one-supernode gangs and spreading clusters apart. */
  readonly scope?: Scope;
  /** How equal scores are broken; the index order when absent (see `TieOrder`). */
  readonly ties?: TieOrder;
}

/**
 * Where a piece goes. The engine enumerates feasible candidates (servers grouped into buckets of equal
 * state, blocks that can take a gang) and keeps the lowest score; ties go to the lower index (rotated
 * per instance when several share one database, see `TieOrder`), so every policy is deterministic
 * for a given seed and instance.
 */
export interface Policy {
  readonly name: PolicyName;
  /** Placing `take` (a mask of server `s`) with `cpu`/`mem` of host resources; `bucketSize` servers share this state. */
  scoreServer(ctx: ScoreContext, s: number, take: number, cpu: number, mem: number, bucketSize: number): number;
  /** Placing a gang of `servers` whole servers in block `b`. */
  scoreBlock(ctx: ScoreContext, b: number, servers: number): number;
  /** Which of a bucket's interchangeable servers stands for it. */
  pick(ctx: ScoreContext, bucket: readonly number[]): number;
  /** Stop at the first block that has a candidate. */
  readonly firstBlockWins?: boolean;
  /**
   * `scoreBlock` is the block's whole free servers less the gang's (a best fit): the engine may then
   * look at blocks in order of whole free servers instead of scoring every block of the zone.
   */
  readonly blockScoreIsFreeServers?: boolean;
}

/** FGD's fragment measure of one server: expected free accelerators the next single-server request cannot use. */
export function serverFragment(ctx: ScoreContext, s: number, mask: number, cpuFree: number, memFree: number): number {
  const { topo, tables } = ctx;
  const layout = topo.layoutOf(s);
  const key = keyOfMask(layout, mask);
  if (!tables.hostAware) return tables.serverFrag[topo.layoutKeyBase[layout.id]! + key]!;
  const free = layout.freeOfKey[key]!;
  if (free === 0) return 0;
  const hostable = layout.hostableOfKey[key]!;
  let frag = 0;
  for (const c of tables.small) {
    if (c.size > 32 || (hostable & (1 << (c.size - 1))) === 0 || cpuFree < c.cpu || memFree < c.mem) frag += c.p;
  }
  return frag * free;
}

/** Whether server `s` is wholly usable, so a piece there breaks a server a gang could have had. */
export function isWholeServer(ctx: ScoreContext, s: number): boolean {
  return ctx.state.usable[s] === ctx.topo.layoutOf(s).fullMask;
}

/** Change of the server-level fragment when `take` goes to server `s`. */
export function serverFragmentDelta(ctx: ScoreContext, s: number, take: number, cpu: number, mem: number): number {
  const st = ctx.state;
  const before = st.usable[s]!;
  const after = (before & ~take) >>> 0;
  return serverFragment(ctx, s, after, st.cpuFree[s]! - cpu, st.memFree[s]! - mem) - serverFragment(ctx, s, before, st.cpuFree[s]!, st.memFree[s]!);
}

/**
 * The block-level fragment: every usable accelerator of a block is stranded for a gang that needs more
 * whole servers than the block has free. Returns its change when the block goes from (free, full) to
 * (free - used, full - brokenServers).
 */
export function blockFragmentDelta(ctx: ScoreContext, b: number, used: number, brokenServers: number): number {
  const p = ctx.tables.pGangAbove;
  const free = ctx.state.blockFree[b]!;
  const full = ctx.state.blockFull[b]!;
  return (free - used) * p[full - brokenServers]! - free * p[full]!;
}

/** Remaining share of a server after a piece, over accelerators and (when tracked) host CPU and memory. */
export function leftoverShare(ctx: ScoreContext, s: number, take: number, cpu: number, mem: number): number {
  const { topo, state } = ctx;
  const count = topo.layoutOf(s).count;
  let share = popcount((state.usable[s]! & ~take) >>> 0) / count;
  const cpuTotal = topo.serverCpu[s]!;
  if (cpuTotal !== Infinity && cpuTotal > 0) share += (state.cpuFree[s]! - cpu) / cpuTotal;
  const memTotal = topo.serverMem[s]!;
  if (memTotal !== Infinity && memTotal > 0) share += (state.memFree[s]! - mem) / memTotal;
  return share;
}
