import { AicloudError } from '../../../core/index.ts';
import type { AllocatorCore } from './allocator-core.ts';
import type { HoldingState, SlicePiece } from './holding-state.ts';

/** Registers an owner with a number of its own (reused after a release), under its cluster for an endpoint. */
export function newHolding(core: AllocatorCore, owner: string, project: string, type: number, zone: number, parent?: string): HoldingState {
  const no = core.freeOwnerNos.pop() ?? core.ownerNames.length;
  core.ownerNames[no] = owner;
  const h: HoldingState = { owner, no, project, type, zone, children: new Set(), parts: new Map(), count: 0 };
  if (parent !== undefined) {
    h.parent = parent;
    core.holdings.get(parent)?.children.add(owner);
  }
  core.holdings.set(owner, h);
  return h;
}

/** Forgets an owner and frees its number. */
export function dropHolding(core: AllocatorCore, h: HoldingState): void {
  core.holdings.delete(h.owner);
  core.ownerNames[h.no] = undefined;
  core.freeOwnerNos.push(h.no);
}

/** An owner's holding, or NOT_FOUND for callers that act on it. */
export function requireHolding(core: AllocatorCore, owner: string): HoldingState {
  const h = core.holdings.get(owner);
  if (!h) throw new AicloudError('NOT_FOUND', `${owner} holds no accelerators`, { field: 'owner', value: owner });
  return h;
}

/** Records that an endpoint runs on partition instances of a cluster, so releasing the cluster releases it. */
export function addSliceChild(core: AllocatorCore, cluster: string, endpoint: string): void {
  let set = core.sliceChildren.get(cluster);
  if (!set) core.sliceChildren.set(cluster, (set = new Set()));
  set.add(endpoint);
}

/** Cuts (or, with -1, gives back) endpoint instances on whole clusters' accelerators. */
export function carve(core: AllocatorCore, pieces: readonly SlicePiece[], sign: 1 | -1): void {
  for (const p of pieces) {
    const was = core.carved.get(p.acc) ?? { units: 0, positions: 0 };
    const units = was.units + sign * p.units;
    const positions = sign > 0 ? (was.positions | p.positions) >>> 0 : (was.positions & ~p.positions) >>> 0;
    if (units <= 0) core.carved.delete(p.acc);
    else core.carved.set(p.acc, { units, positions });
  }
}
