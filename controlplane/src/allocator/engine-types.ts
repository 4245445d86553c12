import type { BusyElsewhere } from './busy-elsewhere.ts';
import type { AllocState } from './alloc-state.ts';
import type { Policy, ScoreContext } from './policy.ts';
import type { Scope } from './types.ts';

/** Accelerators of one server that a placement takes, with the host resources it asks there. */
export interface Part {
  server: number;
  mask: number;
  cpu: number;
  mem: number;
}

export interface EngineContext extends ScoreContext {
  readonly state: AllocState;
  readonly policy: Policy;
  /** Blocks other instances are placing in: a gang goes elsewhere when another block can host it. */
  readonly busyElsewhere?: BusyElsewhere;
}

/** A request reduced to what the engine needs: whole servers plus at most one partial piece. */
export interface Need {
  type: number;
  zones: number[];
  scope: Scope;
  /** Whole servers. */
  whole: number;
  /** Accelerators in one more server (0 for none). */
  piece: number;
  cpu: number;
  mem: number;
  accelerators: number;
  /** Asked in accelerators (so whole servers must have the type's usual size), not in servers. */
  countsAccelerators: boolean;
  /** Growth: only these blocks (a `supernode` cluster grows inside its supernode). */
  onlyBlocks?: ReadonlySet<number>;
  /** Growth: servers the owner already holds per block, so `zone` prefers them and `spread` evens out. */
  heldPerBlock?: ReadonlyMap<number, number>;
}
