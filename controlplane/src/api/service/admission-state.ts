import type { AdmissionState, QueueSpec } from '../../admission/index.ts';
import type { Store } from '../../store/index.ts';

const STATE_KEY = 'admission.state';
const DEFRAGMENT_KEY = 'admission.defragment';

/** Background defragmentation: `auto` lets every admission pass move work for a reserved gang. */
export type DefragmentMode = 'off' | 'auto';

const EMPTY: AdmissionState = { queues: [], pending: [], running: [], reservations: [], moves: [] };

/**
 * The admission engine's state lives in the database, written in the same transaction as the
 * resources and holdings it changes, so queue order, reservations and moves survive `kill -9` and
 * every control-plane instance sees the same queues.
 */
export async function loadAdmissionState(store: Store): Promise<AdmissionState> {
  const raw = await store.getMeta(STATE_KEY);
  return raw ? ({ ...EMPTY, ...(JSON.parse(raw) as Partial<AdmissionState>) } as AdmissionState) : EMPTY;
}

export async function saveAdmissionState(store: Store, state: AdmissionState): Promise<void> {
  await store.putMeta(STATE_KEY, JSON.stringify(state));
}

export async function loadDefragmentMode(store: Store): Promise<DefragmentMode> {
  return (await store.getMeta(DEFRAGMENT_KEY)) === 'auto' ? 'auto' : 'off';
}

export async function saveDefragmentMode(store: Store, mode: DefragmentMode): Promise<void> {
  await store.putMeta(DEFRAGMENT_KEY, mode);
}

/** Queue names are unique per project; the engine sees one namespace, so it gets `project/name`. */
export function queueKey(project: string, name: string): string {
  return `${project}/${name}`;
}

/** The engine's view of a Queue resource's spec. */
export function toQueueSpec(project: string, spec: Record<string, unknown>): QueueSpec {
  const quotas: QueueSpec['quotas'] = {};
  for (const q of (spec.quotas as { acceleratorType: string; nominal: number; borrowingLimit?: number }[] | undefined) ?? []) {
    quotas[q.acceleratorType] = { nominal: q.nominal, ...(q.borrowingLimit !== undefined ? { borrowingLimit: q.borrowingLimit } : {}) };
  }
  return {
    name: queueKey(project, spec.name as string),
    quotas,
    ...(typeof spec.cohort === 'string' ? { cohort: spec.cohort } : {}),
    admissionPolicy: spec.admissionPolicy === 'priority' ? 'priority' : 'fifo',
    preemption: spec.preemption === 'lowerPriority' ? 'lowerPriority' : 'never',
  };
}
