import type { SliceHolding, SlicePiece } from './holding-state.ts';

export type ReplicaSliceOutcome = { ok: true; pieces: SlicePiece[] } | { ok: false; free: number; usedByOthers: string[]; unavailable: number };

/**
 * Chooses the instances of a partitioned cluster that an endpoint's replicas run on, one replica per
 * instance. An instance another endpoint uses, or one on a faulty accelerator or draining server
 * (`open` says no), is not a candidate. The endpoint's own instances come first, so placing it again
 * keeps its replicas where they are; then replicas spread over accelerators, so losing one accelerator
 * takes out as few as possible.
 */
export function chooseReplicaSlices(cluster: SliceHolding, endpoint: string, replicas: number, open: (p: SlicePiece) => boolean): ReplicaSliceOutcome {
  const candidates: SlicePiece[] = [];
  const others = new Set<string>();
  let unavailable = 0;
  for (const p of cluster.pieces) {
    if (p.user !== undefined && p.user !== endpoint) {
      others.add(p.user);
      continue;
    }
    if (!open(p)) {
      unavailable++;
      continue;
    }
    candidates.push(p);
  }
  if (candidates.length < replicas) return { ok: false, free: candidates.length, usedByOthers: [...others].sort(), unavailable };
  const perAcc = new Map<number, number>();
  const chosen: SlicePiece[] = [];
  const left = [...candidates];
  for (let r = 0; r < replicas; r++) {
    let best = 0;
    let bestKey: number[] | undefined;
    for (let i = 0; i < left.length; i++) {
      const p = left[i]!;
      const key = [p.user === endpoint ? 0 : 1, perAcc.get(p.acc) ?? 0, p.acc, p.start];
      if (!bestKey || lexLess(key, bestKey)) {
        best = i;
        bestKey = key;
      }
    }
    const [p] = left.splice(best, 1);
    perAcc.set(p!.acc, (perAcc.get(p!.acc) ?? 0) + 1);
    chosen.push(p!);
  }
  return { ok: true, pieces: chosen };
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
