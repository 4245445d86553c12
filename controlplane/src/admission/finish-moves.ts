import type { Allocator } from '../allocator/index.ts';
import type { MoveInFlight } from './types.ts';

/**
 * Completes moves that are due: the source is released and the target, held so far by the move's
 * holding owner, passes to the owner. Both steps happen together, so nothing is ever held twice.
 */
export function finishMoves(allocator: Allocator, moves: readonly MoveInFlight[], now: number): { done: MoveInFlight[]; left: MoveInFlight[] } {
  const done: MoveInFlight[] = [];
  const left: MoveInFlight[] = [];
  for (const m of moves) {
    if (m.due > now) {
      left.push(m);
      continue;
    }
    allocator.release(m.owner);
    allocator.release(m.holdingOwner);
    allocator.commit(m.owner, { ...m.target, owner: m.owner });
    done.push(m);
  }
  return { done, left };
}

/** A running owner leaves (it finished or was deleted): its holding and any move target are released. */
export function releaseWork(allocator: Allocator, moves: readonly MoveInFlight[], owner: string): MoveInFlight[] {
  allocator.release(owner);
  const left: MoveInFlight[] = [];
  for (const m of moves) {
    if (m.owner === owner) allocator.release(m.holdingOwner);
    else left.push(m);
  }
  return left;
}
