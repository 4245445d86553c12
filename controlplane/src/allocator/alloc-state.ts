import { keyOfMask, popcount } from './server-layout.ts';
import type { Topology } from './topology.ts';

/**
 * Everything about accelerators that changes: who holds what, what is faulty or draining, and the
 * counters and buckets that let a decision skip individual accelerators. Mutated only through the
 * methods here so the counters cannot drift; `clone()` gives previews a scratch copy.
 */
export class AllocState {
  readonly topo: Topology;
  /** Per server: accelerators nobody holds. */
  readonly free: Uint32Array;
  readonly faulty: Uint32Array;
  readonly draining: Uint8Array;
  /** Per server: free, healthy and not draining; the only mask decisions look at. */
  readonly usable: Uint32Array;
  /** Per accelerator: owner number, or -1. */
  readonly holder: Int32Array;
  /** Per accelerator: endpoint owner number inside its cluster's holding, or -1. */
  readonly subHolder: Int32Array;
  readonly cpuFree: Float64Array;
  readonly memFree: Float64Array;
  /** Per accelerator: partition units held (pooled) or positions taken (positional) by slices; a sliced accelerator is not free. */
  readonly sliceUnits: Int32Array;
  readonly slicePositions: Uint32Array;
  /** Per server: bumped on every change, so scores cached per server know when they are stale. */
  readonly version: Uint32Array;
  /** Per block: usable accelerators, and servers whose every accelerator is usable. */
  readonly blockFree: Int32Array;
  readonly blockFull: Int32Array;
  /** Per server: its global state key, and its position in that key's bucket. */
  readonly serverKey: Int32Array;
  readonly serverPos: Int32Array;
  /** buckets[block][globalKey]: servers of the block in that state. */
  readonly buckets: number[][][];
  /** byFull[n]: the blocks with n whole free servers; built at its first use (`blocksWithFull`), then kept. */
  private byFull: Set<number>[] | undefined;

  constructor(topo: Topology, from?: AllocState) {
    this.topo = topo;
    if (from) {
      this.free = from.free.slice();
      this.faulty = from.faulty.slice();
      this.draining = from.draining.slice();
      this.usable = from.usable.slice();
      this.holder = from.holder.slice();
      this.subHolder = from.subHolder.slice();
      this.sliceUnits = from.sliceUnits.slice();
      this.version = from.version.slice();
      this.slicePositions = from.slicePositions.slice();
      this.cpuFree = from.cpuFree.slice();
      this.memFree = from.memFree.slice();
      this.blockFree = from.blockFree.slice();
      this.blockFull = from.blockFull.slice();
      this.serverKey = from.serverKey.slice();
      this.serverPos = from.serverPos.slice();
      this.buckets = from.buckets.map((perKey) => perKey.map((list) => list.slice()));
      return;
    }
    const n = topo.serverCount;
    this.free = new Uint32Array(n);
    this.faulty = new Uint32Array(n);
    this.draining = new Uint8Array(n);
    this.usable = new Uint32Array(n);
    this.holder = new Int32Array(topo.acceleratorCount).fill(-1);
    this.subHolder = new Int32Array(topo.acceleratorCount).fill(-1);
    this.sliceUnits = new Int32Array(topo.acceleratorCount);
    this.version = new Uint32Array(n);
    this.slicePositions = new Uint32Array(topo.acceleratorCount);
    this.cpuFree = topo.serverCpu.slice();
    this.memFree = topo.serverMem.slice();
    this.blockFree = new Int32Array(topo.blockCount);
    this.blockFull = new Int32Array(topo.blockCount);
    this.serverKey = new Int32Array(n).fill(-1);
    this.serverPos = new Int32Array(n).fill(-1);
    this.buckets = [];
    for (let b = 0; b < topo.blockCount; b++) {
      const perKey: number[][] = [];
      for (const key of topo.blockKeys[b]!) perKey[key] = [];
      this.buckets.push(perKey);
    }
    for (let s = 0; s < n; s++) {
      const layout = topo.layoutOf(s);
      this.free[s] = layout.fullMask;
      this.usable[s] = 0;
      this.serverKey[s] = topo.layoutKeyBase[layout.id]!;
      const list = this.buckets[topo.serverBlock[s]!]![this.serverKey[s]!]!;
      this.serverPos[s] = list.length;
      list.push(s);
      this.refresh(s);
    }
  }

  clone(): AllocState {
    return new AllocState(this.topo, this);
  }

  /**
   * The blocks with exactly `n` whole free servers (of every zone and type). A gang placed best-fit
   * looks at these in rising `n` and stops at the first that hosts it, instead of scoring every block.
   */
  blocksWithFull(n: number): ReadonlySet<number> | undefined {
    return this.fullIndex()[n];
  }

  /** One more than the most whole free servers any block has had: where `blocksWithFull` ends. */
  get fullLimit(): number {
    return this.fullIndex().length;
  }

  private fullIndex(): Set<number>[] {
    if (!this.byFull) {
      this.byFull = [];
      for (let b = 0; b < this.blockFull.length; b++) (this.byFull[this.blockFull[b]!] ??= new Set()).add(b);
    }
    return this.byFull;
  }

  /** Recomputes a server's usable mask and moves it between buckets and counters. */
  refresh(s: number): void {
    const topo = this.topo;
    const layout = topo.layoutOf(s);
    this.version[s] = this.version[s]! + 1;
    const next = this.draining[s] ? 0 : (this.free[s]! & ~this.faulty[s]!) >>> 0;
    const prev = this.usable[s]!;
    const b = topo.serverBlock[s]!;
    const wasFull = prev === layout.fullMask;
    const isFull = next === layout.fullMask;
    this.blockFree[b] = this.blockFree[b]! + popcount(next) - popcount(prev);
    if (wasFull !== isFull) {
      const before = this.blockFull[b]!;
      this.blockFull[b] = before + (isFull ? 1 : -1);
      if (this.byFull) {
        this.byFull[before]!.delete(b);
        (this.byFull[this.blockFull[b]!] ??= new Set()).add(b);
      }
    }
    this.usable[s] = next;
    const key = topo.layoutKeyBase[layout.id]! + keyOfMask(layout, next);
    const oldKey = this.serverKey[s]!;
    if (key === oldKey) return;
    const perKey = this.buckets[b]!;
    const oldList = perKey[oldKey]!;
    const pos = this.serverPos[s]!;
    const last = oldList.pop()!;
    if (last !== s) {
      oldList[pos] = last;
      this.serverPos[last] = pos;
    }
    const list = perKey[key]!;
    this.serverPos[s] = list.length;
    list.push(s);
    this.serverKey[s] = key;
  }

  /** Marks `mask` of server `s` as held by `owner`; the caller has checked the accelerators are usable. */
  hold(s: number, mask: number, owner: number, cpu: number, mem: number): void {
    const base = this.topo.serverBase[s]!;
    for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) if (m & 1) this.holder[base + i] = owner;
    this.free[s] = (this.free[s]! & ~mask) >>> 0;
    this.cpuFree[s] = this.cpuFree[s]! - cpu;
    this.memFree[s] = this.memFree[s]! - mem;
    this.refresh(s);
  }

  unhold(s: number, mask: number, cpu: number, mem: number): void {
    const base = this.topo.serverBase[s]!;
    for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) {
      if (m & 1) {
        this.holder[base + i] = -1;
        this.subHolder[base + i] = -1;
      }
    }
    this.free[s] = (this.free[s]! | mask) >>> 0;
    this.cpuFree[s] = this.cpuFree[s]! + cpu;
    this.memFree[s] = this.memFree[s]! + mem;
    this.refresh(s);
  }

  /**
   * Adds (sign 1) or removes (sign -1) one slice on accelerator `index` of server `s`: `units` of its pool
   * and `positions` of its position mask. The first slice takes the accelerator out of the free mask, so
   * it is never handed out whole; removing the last one makes it whole and free again.
   */
  slice(s: number, index: number, units: number, positions: number, cpu: number, mem: number, sign: 1 | -1): void {
    const acc = this.topo.serverBase[s]! + index;
    const bit = (1 << index) >>> 0;
    this.sliceUnits[acc] = this.sliceUnits[acc]! + sign * units;
    this.slicePositions[acc] = sign === 1 ? (this.slicePositions[acc]! | positions) >>> 0 : (this.slicePositions[acc]! & ~positions) >>> 0;
    if (units !== 0) this.free[s] = this.sliceUnits[acc]! > 0 ? (this.free[s]! & ~bit) >>> 0 : (this.free[s]! | bit) >>> 0;
    this.cpuFree[s] = this.cpuFree[s]! - sign * cpu;
    this.memFree[s] = this.memFree[s]! - sign * mem;
    this.refresh(s);
  }

  setFaulty(s: number, index: number, faulty: boolean): void {
    const bit = (1 << index) >>> 0;
    this.faulty[s] = faulty ? (this.faulty[s]! | bit) >>> 0 : (this.faulty[s]! & ~bit) >>> 0;
    this.refresh(s);
  }

  setDraining(s: number, draining: boolean): void {
    this.draining[s] = draining ? 1 : 0;
    this.refresh(s);
  }
}
