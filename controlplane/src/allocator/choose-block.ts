import { chooseServer } from './choose-server.ts';
import type { EngineContext, Part } from './engine-types.ts';
import { tiesOf } from './tie-order.ts';

/**
 * A gang of `whole` servers plus a `piece` in one block (one supernode), all or nothing. The policy picks
 * the block (ties in the instance's tie order); inside it the whole servers are the first free ones in
 * that order (the lowest-numbered for a control plane alone), since servers of a supernode are
 * interchangeable on its bus.
 */
export function chooseBlock(ctx: EngineContext, blocks: readonly number[], whole: number, piece: number, cpu: number, mem: number): Part[] | undefined {
  const best =
    ctx.policy.blockScoreIsFreeServers && blocks.length >= INDEXED_FROM
      ? bestFitBlock(ctx, blocks, whole, piece, cpu, mem)
      : bestScoredBlock(ctx, blocks, whole, piece, cpu, mem);
  if (best < 0) return undefined;
  return takeInBlock(ctx, best, whole, piece, cpu, mem, ctx.state.blockFull[best]! > whole);
}

/** Candidate lists this long are searched through the state's blocks by whole free servers. */
const INDEXED_FROM = 64;

/** The block the policy scores lowest (ties in the instance's order), else the best busy one, else -1. */
function bestScoredBlock(ctx: EngineContext, blocks: readonly number[], whole: number, piece: number, cpu: number, mem: number): number {
  const { state, policy } = ctx;
  const ties = tiesOf(ctx);
  const busy = ctx.busyElsewhere;
  // The best block, and apart from it the best of those other instances are placing in (used when no other can host).
  let bestScore = Infinity;
  let best = -1;
  let busyScore = Infinity;
  let bestBusy = -1;
  const servers = whole + (piece > 0 ? 1 : 0);
  for (const b of blocks) {
    // Most blocks lose on the count of whole free servers alone: no further look at them.
    if (state.blockFull[b]! < whole || !blockCanHost(ctx, b, whole, piece, cpu, mem)) continue;
    const score = policy.scoreBlock(ctx, b, servers);
    if (score > bestScore && score > busyScore) continue;
    if (busy?.has(b)) {
      if (score < busyScore || (score === busyScore && bestBusy >= 0 && ties.blockBefore(ctx.topo, b, bestBusy))) {
        busyScore = score;
        bestBusy = b;
      }
      continue;
    }
    if (score < bestScore || (score === bestScore && best >= 0 && ties.blockBefore(ctx.topo, b, best))) {
      bestScore = score;
      best = b;
    }
    if (policy.firstBlockWins) break;
  }
  return best >= 0 ? best : bestBusy;
}

/** Whether each block is in a candidate list, kept per list (the zone's lists are built once per topology). */
const membership = new WeakMap<readonly number[], Uint8Array>();

/**
 * What `bestScoredBlock` finds for a best-fit policy (score: whole free servers less the gang's),
 * found by looking at blocks in rising count of whole free servers and stopping at the first count
 * where one hosts the gang: a few blocks instead of every block of the zone.
 */
function bestFitBlock(ctx: EngineContext, blocks: readonly number[], whole: number, piece: number, cpu: number, mem: number): number {
  const { state, topo } = ctx;
  const ties = tiesOf(ctx);
  const busy = ctx.busyElsewhere;
  let member = membership.get(blocks);
  if (!member) {
    member = new Uint8Array(topo.blockCount);
    for (const b of blocks) member[b] = 1;
    membership.set(blocks, member);
  }
  let bestBusy = -1;
  for (let n = whole, end = state.fullLimit; n < end; n++) {
    const same = state.blocksWithFull(n);
    if (!same?.size) continue;
    let best = -1;
    let busyHere = -1;
    for (const b of same) {
      if (!member[b] || !blockCanHost(ctx, b, whole, piece, cpu, mem)) continue;
      if (busy?.has(b)) {
        if (bestBusy < 0 && (busyHere < 0 || ties.blockBefore(topo, b, busyHere))) busyHere = b;
      } else if (best < 0 || ties.blockBefore(topo, b, best)) {
        best = b;
      }
    }
    if (best >= 0) return best;
    if (bestBusy < 0) bestBusy = busyHere;
  }
  return bestBusy;
}

/** Whole servers and a piece from block `b`; `pieceMayBreakWhole` says a whole server may host the piece. */
export function takeInBlock(
  ctx: EngineContext,
  b: number,
  whole: number,
  piece: number,
  cpu: number,
  mem: number,
  pieceMayBreakWhole: boolean,
): Part[] | undefined {
  const parts: Part[] = [];
  const exclude = new Set<number>();
  if (piece > 0) {
    const choice = chooseServer(ctx, [b], piece, cpu, mem, { skipFull: !pieceMayBreakWhole });
    if (!choice) return undefined;
    parts.push({ server: choice.server, mask: choice.take, cpu, mem });
    exclude.add(choice.server);
  }
  const servers = wholeServers(ctx, b, whole, exclude, cpu, mem);
  if (servers.length < whole) return undefined;
  for (const s of servers) parts.push({ server: s, mask: ctx.topo.layoutOf(s).fullMask, cpu, mem });
  return parts;
}

/** Up to `n` wholly free servers of block `b`, first in the tie order (lowest index for a control plane alone). */
export function wholeServers(ctx: EngineContext, b: number, n: number, exclude: ReadonlySet<number>, cpu: number, mem: number): number[] {
  if (n <= 0) return [];
  const { topo, state } = ctx;
  const found: number[] = [];
  for (const key of topo.blockKeys[b]!) {
    if (!topo.keyIsFull[key]) continue;
    for (const s of state.buckets[b]![key]!) {
      if (exclude.has(s) || state.cpuFree[s]! < cpu || state.memFree[s]! < mem) continue;
      found.push(s);
    }
  }
  return tiesOf(ctx).sortServers(topo, found).slice(0, n);
}

function blockCanHost(ctx: EngineContext, b: number, whole: number, piece: number, cpu: number, mem: number): boolean {
  const { topo, state } = ctx;
  const full = state.blockFull[b]!;
  if (full < whole) return false;
  if (topo.tracksHostResources && (cpu > 0 || mem > 0) && whole > 0) {
    if (wholeServers(ctx, b, whole + (piece > 0 ? 1 : 0), new Set(), cpu, mem).length >= whole + (piece > 0 ? 1 : 0)) return true;
    if (wholeServers(ctx, b, whole, new Set(), cpu, mem).length < whole) return false;
  }
  if (piece === 0) return true;
  if (full > whole) return true;
  return chooseServer(ctx, [b], piece, cpu, mem, { skipFull: true }) !== undefined;
}
