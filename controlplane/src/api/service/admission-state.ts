import type { AdmissionState, AdmissionView, QueueSpec } from '../../admission/index.ts';
import type { Store } from '../../store/index.ts';
import type { ControlPlane } from './control-plane.ts';

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
  saves.set(store, savesOf(store) + 1);
  await store.putMeta(STATE_KEY, JSON.stringify(state));
}

/** Saves of the state per store by this process: a save that did not go through the cache makes it stale. */
const saves = new WeakMap<Store, number>();

function savesOf(store: Store): number {
  return saves.get(store) ?? 0;
}

/**
 * What the control plane keeps of the admission state between passes, so a pass neither re-parses
 * the stored document nor rebuilds the gang stage's view when nothing it depends on changed. It is
 * valid for one version of the stored state: dropped when another connection or instance wrote
 * (`reloadControlPlane`), when a write transaction fails (`writeTransaction`), and ignored after a
 * save that did not go through `keepAdmissionState`.
 */
export interface AdmissionCache {
  /** The state as this process last loaded or saved it; never changed in place. */
  state: AdmissionState;
  /** The store's save count when `state` was loaded or saved. */
  saves: number;
  /** The gang stage's long-lived view; equal to `state` (its gangs) only while `viewOf === state`. */
  view?: AdmissionView;
  viewOf?: AdmissionState;
  /** The allocator epoch the view's server index was last known good at (see `runAdmission`). */
  epoch?: number;
}

/**
 * The admission state for a change inside a write transaction: the cached copy when it is the one
 * this process last saved, the stored document otherwise. Callers must not change it in place: they
 * save a new object with `keepAdmissionState`.
 */
export async function admissionStateOf(cp: ControlPlane): Promise<AdmissionState> {
  const cached = cp.admission;
  if (cached && cached.saves === savesOf(cp.store)) return cached.state;
  const state = await loadAdmissionState(cp.store);
  cp.admission = { state, saves: savesOf(cp.store) };
  return state;
}

/**
 * Saves the state and keeps it as the cached copy. `onView` makes the same change to the cached
 * view, which then stays valid; without it the view is dropped (the next pass rebuilds it).
 */
export async function keepAdmissionState(cp: ControlPlane, state: AdmissionState, onView?: (view: AdmissionView) => void): Promise<void> {
  const before = cp.admission;
  const viewValid = before !== undefined && before.saves === savesOf(cp.store) && before.view !== undefined && before.viewOf === before.state;
  await saveAdmissionState(cp.store, state);
  const next: AdmissionCache = { state, saves: savesOf(cp.store) };
  if (viewValid && onView) {
    onView(before.view!);
    next.view = before.view;
    next.viewOf = state;
    if (before.epoch !== undefined) next.epoch = before.epoch;
  }
  cp.admission = next;
}

/** Forgets the cached state and view: the next change reads the stored document again. */
export function dropAdmissionCache(cp: ControlPlane): void {
  cp.admission = undefined;
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
