import type { Allocator, Placement } from '../allocator/index.ts';
import { QuotaLedger } from './quota-ledger.ts';
import type { AdmissionState, MoveInFlight, PendingRequest, QueueSpec, Reservation, RunningWork } from './types.ts';

/**
 * The engine's working view of an `AdmissionState`: pending and running work keyed by id, and the quota
 * each queue uses. Passes update it in place as work is admitted, preempted, moved and released, so a
 * long-lived caller (a simulation with hundreds of thousands of events) does not rebuild it from the
 * running list on every pass; `snapshot()` gives the plain-JSON state back for persistence.
 *
 * It also knows when a pass cannot change anything (nothing new waits, nothing was freed, no move is
 * due, no fence is due for replanning), so such passes can be skipped.
 */
export class AdmissionView {
  queues: QueueSpec[];
  queueByName: Map<string, QueueSpec>;
  /** Waiting requests in insertion order. */
  readonly pending = new Map<string, PendingRequest>();
  /**
   * Running work by id. Built from the state's list the first time a pass needs to look work up
   * (preemption, fence choice, defragmentation, work leaving); until then admissions are kept in a short
   * list beside the state's, so a stateless pass over thousands of running holdings does not pay for the map.
   */
  get running(): Map<string, RunningWork> {
    if (!this.runningById) {
      this.runningById = new Map();
      for (const w of this.runningList) this.runningById.set(w.id, w);
      for (const w of this.admittedSince) this.runningById.set(w.id, w);
      this.runningList = [];
      this.admittedSince = [];
    }
    return this.runningById;
  }
  private runningById?: Map<string, RunningWork>;
  private runningList: readonly RunningWork[];
  /** Admissions while the map is not built (kept apart: growing a large list copies it). */
  private admittedSince: RunningWork[] = [];
  ledger: QuotaLedger;
  reservations: Reservation[];
  moves: MoveInFlight[];
  /** Something happened since the last pass that a pass could act on. */
  private dirty = true;
  /**
   * Which running work holds how many accelerators on each server (server id, then owner). Built from
   * the allocator the first time a pass needs it (fence choice, defragmentation), then kept up to date.
   */
  private holders?: Map<string, Map<string, number>>;
  /** The servers each indexed owner was entered on, so it can be taken out without asking the allocator. */
  private readonly indexed = new Map<string, readonly string[]>();
  /** Admission order of running work: holders of a server are listed in it, as a rebuilt view would list them. */
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;

  /** The state the view was built from: fields the view does not model are carried to `snapshot()` as they were. */
  private readonly base: AdmissionState;

  private constructor(state: AdmissionState) {
    this.base = state;
    this.queues = state.queues;
    this.queueByName = new Map(state.queues.map((q) => [q.name, q]));
    for (const p of state.pending) this.pending.set(p.id, p);
    this.runningList = state.running;
    this.ledger = new QuotaLedger(this.queueByName).charge(state.running);
    this.reservations = state.reservations;
    this.moves = state.moves;
  }

  /** Builds the view of a persisted (or hand-made) state; the state's arrays are not changed later. */
  static fromState(state: AdmissionState): AdmissionView {
    return new AdmissionView({ ...state, pending: [...state.pending], reservations: [...state.reservations], moves: [...state.moves] });
  }

  /** The plain-JSON state, in the shape `admit` takes and the control plane persists. */
  snapshot(): AdmissionState {
    return {
      ...this.base,
      queues: this.queues,
      pending: [...this.pending.values()],
      running: this.runningById ? [...this.runningById.values()] : [...this.runningList, ...this.admittedSince],
      reservations: [...this.reservations],
      moves: [...this.moves],
    };
  }

  /** A new request waits (at the end of insertion order; passes order by queue policy). */
  enqueue(p: PendingRequest): void {
    this.pending.set(p.id, p);
    this.dirty = true;
  }

  /** Running work starts (an admission) on `placement`: counted against its queue and indexed by server. */
  addRunning(w: RunningWork, placement: Pick<Placement, 'servers'>): void {
    if (this.runningById) this.runningById.set(w.id, w);
    else this.admittedSince.push(w);
    this.ledger.add(w.queue, w.request.acceleratorType, w.accelerators);
    if (this.holders) {
      this.seq.set(w.id, this.nextSeq++);
      this.index(w.id, placement.servers);
    }
  }

  /** A move finished: the owner now holds the move's target instead of its old servers. */
  moved(owner: string, to: Pick<Placement, 'servers'>): void {
    if (!this.holders || !this.running.has(owner)) return;
    this.unindex(owner);
    this.index(owner, to.servers);
  }

  /** Holders per server of all running work, from the index (built from the allocator on first use). */
  serverHolders(allocator: Allocator): ReadonlyMap<string, ReadonlyMap<string, number>> {
    if (!this.holders) {
      this.holders = new Map();
      for (const id of this.running.keys()) {
        this.seq.set(id, this.nextSeq++);
        this.index(id, allocator.holdings(id)?.servers ?? []);
      }
    }
    return this.holders;
  }

  /**
   * The allocator changed behind the view (a holding resized, released or reloaded outside a pass): the
   * server index is dropped and rebuilt from the allocator on next use, as a new view would build it.
   */
  forgetServerIndex(): void {
    this.holders = undefined;
    this.indexed.clear();
    this.seq.clear();
    this.nextSeq = 0;
  }

  private index(owner: string, servers: Placement['servers']): void {
    const holders = this.holders!;
    for (const s of servers) {
      let byOwner = holders.get(s.serverId);
      if (!byOwner) holders.set(s.serverId, (byOwner = new Map()));
      byOwner.set(owner, s.acceleratorIds.length);
      // A moved owner lands after later admissions: put the server's holders back in admission order.
      if (byOwner.size > 1 && [...byOwner.keys()].some((id) => this.seqOf(id) > this.seqOf(owner))) {
        holders.set(s.serverId, new Map([...byOwner].sort((x, y) => this.seqOf(x[0]) - this.seqOf(y[0]))));
      }
    }
    this.indexed.set(
      owner,
      servers.map((s) => s.serverId),
    );
  }

  private seqOf(id: string): number {
    return this.seq.get(id) ?? Infinity;
  }

  private unindex(owner: string): void {
    for (const id of this.indexed.get(owner) ?? []) {
      const byOwner = this.holders?.get(id);
      byOwner?.delete(owner);
      if (byOwner?.size === 0) this.holders!.delete(id);
    }
    this.indexed.delete(owner);
  }

  /** Running work stops counting (preempted or gone); the caller releases it in the allocator. */
  removeRunning(id: string): RunningWork | undefined {
    const w = this.running.get(id);
    if (!w) return undefined;
    this.unindex(id);
    this.running.delete(id);
    this.seq.delete(id);
    this.ledger.add(w.queue, w.request.acceleratorType, -w.accelerators);
    this.dirty = true;
    return w;
  }

  /**
   * Work left the cloud (finished, deleted, or gave up waiting): dropped from the view like `forgetWork`.
   * Only a change that can free room or lift a fence marks the view for a pass.
   */
  forget(id: string): void {
    this.pending.delete(id);
    this.removeRunning(id);
    const before = this.reservations.length;
    this.reservations = this.reservations.filter((r) => r.requestId !== id);
    if (this.reservations.length !== before) this.dirty = true;
    if (this.moves.some((m) => m.owner === id)) {
      this.moves = this.moves.filter((m) => m.owner !== id);
      this.dirty = true;
    }
  }

  /** Running work leaves: its holding and any move target are released in the allocator, then it is forgotten. */
  release(allocator: Allocator, id: string): void {
    allocator.release(id);
    for (const m of this.moves) if (m.owner === id) allocator.release(m.holdingOwner);
    this.forget(id);
    this.dirty = true;
  }

  /** Marks that a pass may find something to do (room was freed outside the view's knowledge). */
  touch(): void {
    this.dirty = true;
  }

  /** Called by a pass when it ends: `again` when the pass itself made room that earlier requests did not see. */
  passed(again: boolean): void {
    this.dirty = again;
  }

  /**
   * Whether a pass at `now` could decide anything: something changed since the last pass, a move is
   * due, or (with defragmentation) a fence without moves is due to be re-read.
   */
  needsPass(now: number, defragment: boolean, replanMs: number): boolean {
    for (const m of this.moves) if (m.due <= now) return true;
    // With nothing waiting, a pass has nothing to walk: only due moves would change anything.
    if (this.pending.size === 0) return false;
    if (this.dirty) return true;
    if (!defragment) return false;
    for (const r of this.reservations) {
      if (!this.pending.has(r.requestId)) continue;
      if (r.plannedAt !== undefined && now - r.plannedAt < replanMs) continue;
      if (!this.moves.some((m) => m.forRequest === r.requestId)) return true;
    }
    return false;
  }
}
