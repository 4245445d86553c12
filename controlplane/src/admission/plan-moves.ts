import type { Allocator } from '../allocator/index.ts';
import type { ServerOccupancy } from './supernode-occupancy.ts';
import { moveHoldingOwner, type MoveInFlight, type RunningLookup, type RunningWork } from './types.ts';

/**
 * Defragmentation: moves movable holdings out of a fenced supernode until enough of its servers will
 * be whole and free for the reserved gang. Each target is placed by the allocator (same shape, fences
 * excluded, so HCCS and scope rules hold) and committed at once under the move's holding owner; the
 * source stays held until the move is due. Servers whose holders cannot all move are left alone.
 */
export function planMoves(
  allocator: Allocator,
  fence: string,
  servers: readonly ServerOccupancy[],
  serversNeeded: number,
  running: RunningLookup,
  moving: ReadonlySet<string>,
  fences: readonly string[],
  now: number,
  duration: (w: RunningWork) => number,
  budget: number,
  forRequest: string,
): MoveInFlight[] {
  const out: MoveInFlight[] = [];
  const leaving = new Set(moving);
  const willBeFree = (s: ServerOccupancy) => s.free === s.total || ([...s.holders.keys()].every((id) => leaving.has(id)) && sumHeld(s) === s.total - s.free);
  let free = servers.filter(willBeFree).length;
  const candidates = servers
    .filter((s) => !willBeFree(s) && sumHeld(s) === s.total - s.free)
    .filter((s) => [...s.holders.keys()].every((id) => leaving.has(id) || (running.get(id)?.movable && wholeIn(allocator, id, fence))))
    .sort((a, b) => sumHeld(a) - sumHeld(b));
  for (const s of candidates) {
    if (free >= serversNeeded || out.length >= budget) break;
    const ids = [...s.holders.keys()].filter((id) => !leaving.has(id));
    const planned: MoveInFlight[] = [];
    for (const id of ids) {
      const w = running.get(id)!;
      const holdingOwner = moveHoldingOwner(id);
      const d = allocator.placeWithin({ ...w.request, owner: holdingOwner }, { exclude: fences });
      if (!d.ok) break;
      allocator.commit(holdingOwner, d);
      planned.push({
        owner: id,
        holdingOwner,
        target: JSON.parse(JSON.stringify(d)) as MoveInFlight['target'],
        startedAt: now,
        due: now + duration(w),
        forRequest,
      });
    }
    if (planned.length < ids.length) {
      // Not every holder of this server can go: undo the targets taken so far.
      for (const m of planned) allocator.release(m.holdingOwner);
      continue;
    }
    for (const m of planned) leaving.add(m.owner);
    out.push(...planned);
    free++;
  }
  return out;
}

function sumHeld(s: ServerOccupancy): number {
  let n = 0;
  for (const v of s.holders.values()) n += v;
  return n;
}

function wholeIn(allocator: Allocator, id: string, fence: string): boolean {
  return (allocator.holdings(id)?.supernodes ?? []).every((sn) => sn === fence);
}
