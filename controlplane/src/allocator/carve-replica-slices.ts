import { placementMasks, type PartitionCatalogue, type PartitionProfile } from '../../../core/index.ts';
import type { SlicePiece } from './holding-state.ts';

/** Per server of a whole-accelerator cluster: the accelerators an endpoint may cut instances from. */
export interface CarveServer {
  server: number;
  accs: number[];
}

export type CarveOutcome = { ok: true; server: number; pieces: SlicePiece[] } | { ok: false; most: number; where: number };

/**
 * Cuts `replicas` instances of a profile out of a whole-accelerator cluster's accelerators, all on one
 * server: accelerators already cut for endpoints first (tightest fit), then whole ones, so as few
 * accelerators as possible stop being whole. `cut(acc)` says what endpoints already hold on one.
 * The server that needs the fewest newly cut accelerators wins; ties go to the lowest server.
 */
export function carveReplicaSlices(
  servers: readonly CarveServer[],
  catalogue: PartitionCatalogue,
  profile: PartitionProfile,
  replicas: number,
  cut: (acc: number) => { units: number; positions: number },
): CarveOutcome {
  const masks = catalogue.kind === 'positional' ? placementMasks(catalogue, profile) : [0];
  let best: { server: number; pieces: SlicePiece[]; fresh: number } | undefined;
  let most = 0;
  let where = -1;
  for (const { server, accs } of servers) {
    const units = new Map(accs.map((a) => [a, cut(a).units]));
    const positions = new Map(accs.map((a) => [a, cut(a).positions]));
    const pieces: SlicePiece[] = [];
    let fresh = 0;
    for (let r = 0; r < replicas; r++) {
      let pick: { acc: number; mask: number; key: number[] } | undefined;
      for (const acc of accs) {
        const u = units.get(acc)!;
        if (catalogue.units - u < profile.size) continue;
        const mask = masks.find((m) => (m & positions.get(acc)!) === 0);
        if (mask === undefined) continue;
        const key = [u > 0 ? 0 : 1, catalogue.units - u - profile.size, acc];
        if (!pick || lexLess(key, pick.key)) pick = { acc, mask, key };
      }
      if (!pick) break;
      if (units.get(pick.acc) === 0) fresh++;
      units.set(pick.acc, units.get(pick.acc)! + profile.size);
      positions.set(pick.acc, (positions.get(pick.acc)! | pick.mask) >>> 0);
      const start = catalogue.kind === 'positional' ? Math.log2(pick.mask & -pick.mask) : -1;
      pieces.push({ acc: pick.acc, start, positions: pick.mask, units: profile.size });
    }
    if (pieces.length > most) {
      most = pieces.length;
      where = server;
    }
    if (pieces.length < replicas) continue;
    if (!best || fresh < best.fresh) best = { server, pieces, fresh };
  }
  return best ? { ok: true, server: best.server, pieces: best.pieces } : { ok: false, most, where };
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
