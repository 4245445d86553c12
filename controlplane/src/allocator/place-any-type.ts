import type { ErrorCode } from '../../../core/index.ts';
import { engineContext, type AllocatorCore } from './allocator-core.ts';
import type { Part } from './engine-types.ts';
import { blockFragmentDelta, serverFragmentDelta, type ScoreContext } from './policy.ts';
import { popcount } from './server-layout.ts';
import type { AllocationRequest, AnyTypeRequest, Decision, Placement, PlacementRequest, Refusal } from './types.ts';

/** Whether a request lists several accelerator types rather than naming one. */
export function isAnyTypeRequest(req: PlacementRequest): req is AnyTypeRequest {
  return 'acceleratorTypes' in req && Array.isArray(req.acceleratorTypes);
}

/** The request for one of the listed types: the same gang, with `acceleratorType` set. */
export function forType(req: AnyTypeRequest, acceleratorType: string): AllocationRequest {
  const { acceleratorTypes: _types, typeOrder: _order, ...rest } = req;
  return { ...rest, acceleratorType };
}

/**
 * Places a request that accepts several accelerator types: tries `placeOne` for each listed type and
 * keeps the first that fits (`typeOrder: 'listed'`, the default) or, with `'least-fragmentation'`, the
 * one whose placement grows the fragment measure least (ties to the earlier type). A gang is placed
 * whole on one type, never across types; the placement's `acceleratorType` says which. When no type
 * fits, one refusal sums up why each did not.
 */
export function placeAnyType(core: AllocatorCore, req: AnyTypeRequest, placeOne: (r: AllocationRequest) => Decision): Decision {
  const bad = checkTypeList(req);
  if (bad) return bad;
  const refusals: { type: string; refusal: Refusal }[] = [];
  let best: { placement: Placement; growth: number } | undefined;
  for (const type of req.acceleratorTypes) {
    const d = placeOne(forType(req, type));
    if (!d.ok) {
      refusals.push({ type, refusal: d });
      continue;
    }
    if (req.typeOrder !== 'least-fragmentation') return d;
    const growth = fragmentGrowth(core, d);
    if (!best || growth < best.growth) best = { placement: d, growth };
  }
  return best ? best.placement : combineRefusals(req, refusals);
}

/** The list itself must name at least one type, each once. */
function checkTypeList(req: AnyTypeRequest): Refusal | undefined {
  const refuse = (message: string, hint: string): Refusal => ({
    ok: false,
    code: 'INVALID_VALUE',
    field: 'acceleratorTypes',
    message,
    hint,
    owner: req.owner,
    project: req.project,
  });
  if (req.acceleratorTypes.length === 0) return refuse('acceleratorTypes lists no type', 'List at least one accelerator type, most preferred first.');
  const seen = new Set<string>();
  for (const t of req.acceleratorTypes) {
    if (seen.has(t)) return refuse(`acceleratorTypes lists ${t} twice`, 'List each accelerator type once.');
    seen.add(t);
  }
  if (req.typeOrder !== undefined && req.typeOrder !== 'listed' && req.typeOrder !== 'least-fragmentation')
    return {
      ...refuse(`typeOrder must be listed or least-fragmentation, got ${String(req.typeOrder)}`, 'Leave it out to keep the list order.'),
      field: 'typeOrder',
    };
  return undefined;
}

/**
 * Capacity is the refusal that matters most (the request may fit later), then quota, then the first
 * type's own reason; the message names every type's reason.
 */
function combineRefusals(req: AnyTypeRequest, refusals: readonly { type: string; refusal: Refusal }[]): Refusal {
  const rank = (code: ErrorCode) => (code === 'CAPACITY_EXHAUSTED' ? 0 : code === 'QUOTA_EXCEEDED' ? 1 : 2);
  const lead = [...refusals].sort((a, b) => rank(a.refusal.code) - rank(b.refusal.code))[0]!.refusal;
  const out: Refusal = {
    ...lead,
    message: `no listed accelerator type fits: ${refusals.map((r) => `${r.type}: ${r.refusal.message}`).join('; ')}`,
    owner: req.owner,
    project: req.project,
    byType: refusals.map((r) => ({ acceleratorType: r.type, code: r.refusal.code, message: r.refusal.message })),
  };
  if (lead.field === 'acceleratorType') out.field = 'acceleratorTypes';
  return out;
}

/**
 * How much a placement would grow the fragment measure of its type (server fragments plus supernodes
 * left with too few whole servers), in expected stranded accelerators: the same measure the
 * fragmentation-aware policies minimise, so types can be compared. Partition placements count 0.
 */
export function fragmentGrowth(core: AllocatorCore, placement: Placement): number {
  const replicas = core.partsOf.get(placement);
  const type = core.topo.typeIndex.get(placement.acceleratorType);
  if (!replicas || type === undefined) return 0;
  const ctx: ScoreContext = engineContext(core, type, placement.scope);
  const perBlock = new Map<number, { used: number; broken: number }>();
  let growth = 0;
  for (const p of replicas.flat() as Part[]) {
    growth += serverFragmentDelta(ctx, p.server, p.mask, p.cpu, p.mem);
    const b = core.topo.serverBlock[p.server]!;
    const acc = perBlock.get(b) ?? { used: 0, broken: 0 };
    acc.used += popcount(p.mask);
    if (core.state.usable[p.server] === core.topo.layoutOf(p.server).fullMask) acc.broken++;
    perBlock.set(b, acc);
  }
  for (const [b, { used, broken }] of perBlock) growth += blockFragmentDelta(ctx, b, used, broken);
  return growth;
}
