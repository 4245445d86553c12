import { serverSize, type Topology } from '../allocator/index.ts';
import { partitionShare, type AdmissionState } from '../admission/index.ts';
import { loadAdmissionState, queueKey } from './admission-state.ts';
import type { ControlPlane } from './control-plane.ts';
import { specOf, type WireResource } from './resource-doc.ts';

/** Per accelerator type: held by admitted work, of that borrowed from the cohort, and asked by waiting work. */
export interface QueueUsage {
  acceleratorType: string;
  admitted: number;
  borrowed: number;
  pending: number;
}

/**
 * A queue's outputs come from the admission state at the moment of the read, so they never lag
 * behind admissions, preemptions and deletes that did not touch the queue's own document.
 */
export async function withQueueOutputs(cp: ControlPlane, doc: WireResource, known?: AdmissionState): Promise<WireResource> {
  const state = known ?? (await loadAdmissionState(cp.store));
  return { ...doc, outputs: { ...doc.outputs, ...queueOutputs(state, cp.allocator.topology, doc.project, doc.spec) } };
}

/** `topology` sizes a waiting request of whole servers, as admission does. */
export function queueOutputs(
  state: AdmissionState,
  topology: Topology,
  project: string,
  raw: Record<string, unknown>,
): { pendingCount: number; usage: QueueUsage[] } {
  const spec = specOf({ kind: 'Queue', spec: raw }, 'Queue');
  const key = queueKey(project, spec.name);
  const usage = new Map<string, QueueUsage>();
  const row = (type: string) => {
    if (!usage.has(type)) usage.set(type, { acceleratorType: type, admitted: 0, borrowed: 0, pending: 0 });
    return usage.get(type)!;
  };
  for (const q of spec.quotas) row(q.acceleratorType);
  for (const w of state.running) if (w.queue === key) row(w.request.acceleratorType).admitted += w.accelerators;
  let pendingCount = 0;
  for (const p of state.pending) {
    if (p.queue !== key) continue;
    pendingCount++;
    row(p.request.acceleratorType).pending +=
      p.request.unit === 'servers' ? p.request.count * serverSize(topology, p.request.acceleratorType) : (partitionShare(p.request) ?? p.request.count);
  }
  const nominal = new Map<string, number>(spec.quotas.map((q) => [q.acceleratorType, q.nominal]));
  for (const u of usage.values()) u.borrowed = Math.max(0, u.admitted - (nominal.get(u.acceleratorType) ?? 0));
  return { pendingCount, usage: [...usage.values()] };
}
