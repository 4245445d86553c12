import { apiError } from './errors.ts';
import { runAdmission } from './admission-pass.ts';
import { loadAdmissionState, loadDefragmentMode, saveDefragmentMode, type DefragmentMode } from './admission-state.ts';
import { writeTransaction, type ControlPlane } from './control-plane.ts';

/** What `POST /v1/admin/defragment` did: the moves it started and what it admitted. */
export interface DefragmentReply {
  mode: DefragmentMode;
  movesStarted: { owner: string; from: string[]; to: string[]; dueAt: string }[];
  admitted: string[];
  movesInFlight: number;
  pending: number;
}

/**
 * The admin's defragmentation: one admission pass that may move movable work (preemptible
 * clusters without endpoints inside) out of a reserved gang's supernode. `mode: auto` makes every
 * later pass do the same (the background mode); `off` stops it.
 */
export async function defragment(cp: ControlPlane, body: unknown): Promise<DefragmentReply> {
  const mode = (body as { mode?: unknown } | null | undefined)?.mode;
  if (mode !== undefined && mode !== 'off' && mode !== 'auto') {
    throw apiError('INVALID_VALUE', 'mode must be "off" or "auto"', { field: 'mode', value: mode, status: 400 });
  }
  return writeTransaction(cp, async () => {
    if (mode) await saveDefragmentMode(cp.store, mode);
    const decisions = await runAdmission(cp, { defragment: true });
    const state = await loadAdmissionState(cp.store);
    return {
      mode: await loadDefragmentMode(cp.store),
      movesStarted: decisions.flatMap((d) =>
        d.kind === 'move-start' ? [{ owner: d.owner, from: d.from, to: d.to, dueAt: new Date(d.due).toISOString() }] : [],
      ),
      admitted: decisions.flatMap((d) => (d.kind === 'admit' ? [d.id] : [])),
      movesInFlight: state.moves.length,
      pending: state.pending.length,
    };
  });
}

/** `GET /v1/admin/queues`: the engine's state as it is stored (order, reservations, moves). */
export async function admissionView(cp: ControlPlane) {
  const state = await loadAdmissionState(cp.store);
  return {
    defragment: await loadDefragmentMode(cp.store),
    queues: state.queues,
    pending: state.pending.map((p) => ({
      id: p.id,
      queue: p.queue,
      priority: p.priority,
      preemptible: p.preemptible,
      arrivedAt: new Date(p.arrival).toISOString(),
      request: p.request,
      // A cluster listing several types: the requests for its other types, in the order they are tried.
      ...(p.alternatives?.length ? { alternatives: p.alternatives } : {}),
    })),
    running: state.running.map((w) => ({ id: w.id, queue: w.queue, priority: w.priority, preemptible: w.preemptible, accelerators: w.accelerators })),
    reservations: state.reservations.map((r) => ({ ...r, since: new Date(r.since).toISOString() })),
    moves: state.moves.map((m) => ({ owner: m.owner, to: m.target.servers.map((s) => s.serverId), dueAt: new Date(m.due).toISOString() })),
  };
}
