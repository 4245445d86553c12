import type { Allocator } from '../allocator/allocator.ts';
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
  readonly running = new Map<string, RunningWork>();
  ledger: QuotaLedger;
  reservations: Reservation[];
  moves: MoveInFlight[];
  /** Something happened since the last pass that a pass could act on. */
  private dirty = true;

  private constructor(state: AdmissionState) {
    this.queues = state.queues;
    this.queueByName = new Map(state.queues.map((q) => [q.name, q]));
    for (const p of state.pending) this.pending.set(p.id, p);
    for (const w of state.running) this.running.set(w.id, w);
    this.ledger = new QuotaLedger(this.queueByName);
    for (const w of state.running) this.ledger.add(w.queue, w.request.acceleratorType, w.accelerators);
    this.reservations = state.reservations;
    this.moves = state.moves;
  }

  /** Builds the view of a persisted (or hand-made) state; the state's arrays are not changed later. */
  static fromState(state: AdmissionState): AdmissionView {
    return new AdmissionView({ ...state, pending: [...state.pending], running: [...state.running], reservations: [...state.reservations], moves: [...state.moves] });
  }

  /** The plain-JSON state, in the shape `admit` takes and the control plane persists. */
  snapshot(): AdmissionState {
    return { queues: this.queues, pending: [...this.pending.values()], running: [...this.running.values()], reservations: [...this.reservations], moves: [...this.moves] };
  }

  /** A new request waits (at the end of insertion order; passes order by queue policy). */
  enqueue(p: PendingRequest): void {
    this.pending.set(p.id, p);
    this.dirty = true;
  }

  /** Running work starts (an admission): counted against its queue. */
  addRunning(w: RunningWork): void {
    this.running.set(w.id, w);
    this.ledger.add(w.queue, w.request.acceleratorType, w.accelerators);
  }

  /** Running work stops counting (preempted or gone); the caller releases it in the allocator. */
  removeRunning(id: string): RunningWork | undefined {
    const w = this.running.get(id);
    if (!w) return undefined;
    this.running.delete(id);
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
