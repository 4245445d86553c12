import type { ErrorCode } from '../../../core/index.ts';
import type { Need } from './engine-types.ts';
import { sizeRefusalReason } from './server-layout.ts';
import type { Topology } from './topology.ts';
import type { AllocationRequest, Refusal } from './types.ts';

const SCOPES = ['server', 'supernode', 'zone', 'spread'];
const UNITS = ['servers', 'accelerators'];

/**
 * Checks a request against the topology (known type, region and zone, a size the servers can host)
 * and reduces it to whole servers plus a piece. Capacity and quota are not looked at here.
 */
export function normalizeRequest(topo: Topology, req: AllocationRequest): Need | Refusal {
  const refuse = (code: ErrorCode, field: string, message: string, hint?: string): Refusal => {
    const r: Refusal = { ok: false, code, field, message, owner: req.owner, project: req.project };
    if (hint) r.hint = hint;
    return r;
  };
  if (!Number.isInteger(req.count) || req.count < 1)
    return refuse('OUT_OF_RANGE', 'count', `count must be a whole number of at least 1, got ${String(req.count)}`);
  if (!UNITS.includes(req.unit)) return refuse('INVALID_VALUE', 'unit', `unit must be servers or accelerators, got ${String(req.unit)}`);
  if (!SCOPES.includes(req.scope)) return refuse('INVALID_VALUE', 'scope', `scope must be one of ${SCOPES.join(', ')}, got ${String(req.scope)}`);
  const type = topo.typeIndex.get(req.acceleratorType);
  if (type === undefined) {
    return refuse('INVALID_VALUE', 'acceleratorType', `no zone has ${req.acceleratorType}`, `This cloud has: ${topo.typeNames.join(', ')}.`);
  }
  if (req.region !== undefined && !topo.zoneRegion.includes(req.region)) {
    return refuse('INVALID_VALUE', 'region', `unknown region ${req.region}`, `Use one of: ${[...new Set(topo.zoneRegion)].join(', ')}.`);
  }
  let zones: number[];
  if (req.zone !== undefined) {
    const z = topo.zoneIndex.get(req.zone);
    if (z === undefined || (req.region !== undefined && topo.zoneRegion[z] !== req.region)) {
      return refuse('INVALID_VALUE', 'zone', `unknown zone ${req.zone}${req.region ? ` in ${req.region}` : ''}`, `Use one of: ${topo.zoneNames.join(', ')}.`);
    }
    if (!topo.zoneBlocks[z]!.has(type)) {
      const has = topo.zoneNames.filter((_, i) => topo.zoneBlocks[i]!.has(type));
      return refuse('INVALID_VALUE', 'zone', `zone ${req.zone} has no ${req.acceleratorType}`, `${req.acceleratorType} is in: ${has.join(', ')}.`);
    }
    zones = [z];
  } else {
    zones = topo.zoneNames.map((_, i) => i).filter((i) => topo.zoneBlocks[i]!.has(type) && (req.region === undefined || topo.zoneRegion[i] === req.region));
    if (zones.length === 0) return refuse('INVALID_VALUE', 'acceleratorType', `no zone of ${req.region} has ${req.acceleratorType}`);
  }

  const layout = topo.layouts[topo.typeLayout[type]!]!;
  const per = layout.count;
  const cpu = req.cpuMilli ?? 0;
  const mem = req.memoryMib ?? 0;
  const need: Need = { type, zones, scope: req.scope, whole: 0, piece: 0, cpu, mem, accelerators: 0, countsAccelerators: req.unit === 'accelerators' };
  if (req.unit === 'servers') {
    if (req.scope === 'server' && req.count > 1) {
      return refuse('INVALID_VALUE', 'count', `scope server holds one server, not ${req.count}`, 'Ask for 1 server, or use scope supernode, zone or spread.');
    }
    need.whole = req.count;
    need.accelerators = req.count * per;
  } else if (req.scope === 'server') {
    const reason = sizeRefusalReason(layout, req.count, req.acceleratorType);
    if (reason)
      return refuse(
        req.count > per ? 'OUT_OF_RANGE' : 'TOPOLOGY_MISMATCH',
        'count',
        `cannot place ${req.count} ${req.acceleratorType} in one server: ${reason}`,
      );
    need.piece = req.count;
    need.accelerators = req.count;
  } else {
    need.whole = Math.floor(req.count / per);
    need.piece = req.count % per;
    need.accelerators = req.count;
    if (need.piece > 0) {
      const reason = sizeRefusalReason(layout, need.piece, req.acceleratorType);
      if (reason) {
        return refuse(
          'TOPOLOGY_MISMATCH',
          'count',
          `cannot place ${req.count} ${req.acceleratorType}: ${need.whole} whole servers leave ${need.piece} for one server, and ${reason}`,
          `Ask for a multiple of ${per}, or a remainder of ${layout.allowedSizes.filter((k) => k < per).join(', ')}.`,
        );
      }
    }
  }
  if (req.scope === 'supernode' && !zones.some((z) => topo.zoneBlocks[z]!.get(type)!.some((b) => topo.blockIsSupernode[b]))) {
    return refuse(
      'INVALID_VALUE',
      'scope',
      `${req.acceleratorType} has no supernodes in ${req.zone ?? req.region ?? 'this cloud'}`,
      'Use scope zone or spread.',
    );
  }
  return need;
}
