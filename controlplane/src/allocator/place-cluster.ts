import { engineContext, type AllocatorCore } from './allocator-core.ts';
import { decide } from './decide.ts';
import { normalizeRequest } from './normalize-request.ts';
import { placeProfile, placeWholeBesideSlices } from './partitions.ts';
import { forType, isAnyTypeRequest, placeAnyType } from './place-any-type.ts';
import { checkQuota } from './quotas.ts';
import { allowedBlocks, type BlockLimits } from './restrict-blocks.ts';
import { capacityRefusal, toPlacement } from './to-placement.ts';
import type { AllocationRequest, AnyTypeRequest, Decision, PlacementRequest, Refusal } from './types.ts';

/** Decides where a new request goes (on the first listed type that fits, for several types); changes nothing. */
export function place(core: AllocatorCore, req: PlacementRequest): Decision {
  if (isAnyTypeRequest(req)) return placeAnyType(core, req, (r) => place(core, r));
  if (req.profile !== undefined) return placeProfile(core, req);
  const need = normalizeRequest(core.topo, req);
  if ('ok' in need) return need;
  const quota = checkQuota(core, req, need.accelerators);
  if (quota) return quota;
  // Servers with one fast-link group only: with HCCS groups a piece must stay inside a group, which the engine keeps.
  const oneGroup = core.topo.layouts[core.topo.typeLayout[need.type]!]!.groups.length === 1;
  if (oneGroup && req.scope === 'server' && req.unit === 'accelerators' && (core.slicedTypes.get(need.type) ?? 0) > 0) {
    const part = placeWholeBesideSlices(core, need, req.count);
    return part ? toPlacement(core, req, [[part]], {}) : capacityRefusal(core, req, need);
  }
  const parts = decide(engineContext(core, need.type, need.scope), need);
  if (!parts) return capacityRefusal(core, req, need);
  return toPlacement(core, req, [parts], {});
}

/**
 * Like `place`, but only in (or never in) the named supernodes; changes nothing. The admission
 * engine uses it to keep backfill out of a reserved gang's fence and to place moves elsewhere.
 */
export function placeWithin(core: AllocatorCore, req: PlacementRequest, limits: BlockLimits): Decision {
  if (isAnyTypeRequest(req)) return placeAnyType(core, req, (r) => placeWithin(core, r, limits));
  const need = normalizeRequest(core.topo, req);
  if ('ok' in need) return need;
  const quota = checkQuota(core, req, need.accelerators);
  if (quota) return quota;
  need.onlyBlocks = allowedBlocks(core.topo, need.type, need.zones, limits);
  const parts = decide(engineContext(core, need.type, need.scope), need);
  if (!parts) return capacityRefusal(core, req, need);
  return toPlacement(core, req, [parts], {});
}

type GrowRequest = Omit<AllocationRequest, 'owner'> & { owner?: string };
type GrowAnyRequest = Omit<AnyTypeRequest, 'owner'> & { owner?: string };

/**
 * Decides where an owner's growth goes: next to what it holds (inside its supernode when the scope
 * is `supernode`), or a refusal. A request listing several types grows on the type held, which must
 * be listed. Commit the result with `commit`.
 */
export function grow(core: AllocatorCore, owner: string, req: GrowRequest | GrowAnyRequest): Decision {
  if ('acceleratorTypes' in req) {
    const h = core.holdings.get(owner);
    const held = h ? core.topo.typeNames[h.type]! : req.acceleratorTypes[0]!;
    if (h && !req.acceleratorTypes.includes(held))
      return {
        ok: false,
        code: 'INVALID_VALUE',
        field: 'acceleratorTypes',
        message: `${owner} holds ${held}, which acceleratorTypes (${req.acceleratorTypes.join(', ')}) no longer lists; it cannot grow`,
        owner,
        project: req.project,
      };
    return grow(core, owner, forType({ ...req, owner }, held));
  }
  const h = core.holdings.get(owner);
  const request: AllocationRequest = { ...req, owner };
  const refuse = (code: Refusal['code'], field: string | undefined, message: string): Refusal => {
    const r: Refusal = { ok: false, code, message, owner, project: req.project };
    if (field) r.field = field;
    return r;
  };
  if (!h) return refuse('NOT_FOUND', undefined, `${owner} holds no accelerators to grow from`);
  if (h.parent !== undefined) return refuse('INVALID_VALUE', undefined, `${owner} is an endpoint; place its replicas again instead of growing it`);
  const typeName = core.topo.typeNames[h.type]!;
  if (req.acceleratorType !== typeName)
    return refuse('INVALID_VALUE', 'acceleratorType', `${owner} holds ${typeName}; it cannot grow with ${req.acceleratorType}`);
  const zoneName = core.topo.zoneNames[h.zone]!;
  if (req.zone !== undefined && req.zone !== zoneName) return refuse('INVALID_VALUE', 'zone', `${owner} is in ${zoneName}; it cannot grow into ${req.zone}`);
  if (req.scope === 'server')
    return refuse('INVALID_VALUE', 'scope', `${owner} holds one server (scope server) and cannot grow; use scope supernode, zone or spread`);
  request.zone = zoneName;
  request.region = core.topo.zoneRegion[h.zone];
  const need = normalizeRequest(core.topo, request);
  if ('ok' in need) return need;
  const quota = checkQuota(core, request, need.accelerators);
  if (quota) return quota;
  const heldPerBlock = new Map<number, number>();
  for (const s of h.parts.keys()) {
    const b = core.topo.serverBlock[s]!;
    heldPerBlock.set(b, (heldPerBlock.get(b) ?? 0) + 1);
  }
  need.heldPerBlock = heldPerBlock;
  if (req.scope === 'supernode') need.onlyBlocks = new Set(heldPerBlock.keys());
  const parts = decide(engineContext(core, need.type, need.scope), need);
  if (!parts) {
    const where = req.scope === 'supernode' ? `${[...heldPerBlock.keys()].map((b) => core.topo.blockLabel(b)).join(', ')} of ${zoneName}` : zoneName;
    return capacityRefusal(core, request, need, where);
  }
  return toPlacement(core, request, [parts], { growth: true });
}
