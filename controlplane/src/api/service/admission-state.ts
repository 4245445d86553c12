import type { AdmissionState, AdmissionView, QueueSpec, RunningWork } from '../../admission/index.ts';
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
  return (await loadStored(store)).state;
}

/** Running work is stored in chunks of this many, in order, so a pass rewrites only the chunks it changed. */
const CHUNK = 512;
const CHUNK_KEY = 'admission.running.';

/**
 * Where the running list is stored: chunk keys in order, and each chunk's entries (the very objects
 * of the state's running list, so a later save can tell by identity which chunks changed).
 */
export interface RunningLayout {
  keys: number[];
  chunks: RunningWork[][];
}

/** The stored document: the state, with `running` inline (older documents, saves by `saveAdmissionState`) or in chunks. */
type StoredState = Partial<AdmissionState> & { runningChunks?: number[] };

async function loadStored(store: Store): Promise<{ state: AdmissionState; layout?: RunningLayout }> {
  const raw = await store.getMeta(STATE_KEY);
  if (!raw) return { state: EMPTY };
  const { runningChunks, ...doc } = JSON.parse(raw) as StoredState;
  if (!runningChunks) return { state: { ...EMPTY, ...doc } as AdmissionState };
  const chunks: RunningWork[][] = [];
  for (const k of runningChunks) chunks.push(JSON.parse((await store.getMeta(CHUNK_KEY + k)) ?? '[]') as RunningWork[]);
  return { state: { ...EMPTY, ...doc, running: chunks.flat() } as AdmissionState, layout: { keys: [...runningChunks], chunks } };
}

/**
 * Saves the state with its running list in chunks. With the layout of the state saved before (same
 * objects), only chunks that lost entries and the tail that gained some are written; when the list
 * is not that state's list minus some entries plus new ones at the end, every chunk is written.
 */
async function saveChunked(store: Store, state: AdmissionState, before: RunningLayout | undefined): Promise<RunningLayout> {
  saves.set(store, savesOf(store) + 1);
  const running = state.running;
  const dirty = new Set<number>();
  let layout = before ? keptChunks(before, running, dirty) : undefined;
  if (!layout) {
    layout = { keys: [], chunks: [] };
    for (let i = 0; i * CHUNK < running.length; i++) {
      layout.keys.push(i);
      layout.chunks.push(running.slice(i * CHUNK, (i + 1) * CHUNK));
      dirty.add(i);
    }
  }
  for (const [i, k] of layout.keys.entries()) if (dirty.has(k)) await store.putMeta(CHUNK_KEY + k, JSON.stringify(layout.chunks[i]));
  const { running: _inChunks, ...rest } = state;
  await store.putMeta(STATE_KEY, JSON.stringify({ ...rest, runningChunks: layout.keys }));
  return layout;
}

/**
 * The old layout with the entries `running` no longer has taken out and the rest appended (marking the
 * chunks to write), or undefined when too many chunks are part-empty. Walks both lists once: an entry
 * out of its old order counts as gone from its chunk and new at the end, so what is stored is always
 * `running`, in its order.
 */
function keptChunks(before: RunningLayout, running: readonly RunningWork[], dirty: Set<number>): RunningLayout | undefined {
  const keys: number[] = [];
  const chunks: RunningWork[][] = [];
  let j = 0;
  for (const [i, chunk] of before.chunks.entries()) {
    const kept: RunningWork[] = [];
    for (const w of chunk) {
      if (running[j] === w) {
        kept.push(w);
        j++;
      }
    }
    if (kept.length !== chunk.length) dirty.add(before.keys[i]!);
    if (!kept.length) continue;
    keys.push(before.keys[i]!);
    chunks.push(kept.length === chunk.length ? chunk : kept);
  }
  // Too many part-empty chunks: write them all again, packed.
  if (chunks.length > 2 * Math.ceil(running.length / CHUNK) + 4) return undefined;
  let next = Math.max(-1, ...before.keys) + 1;
  for (let k = j; k < running.length; k++) {
    if (!chunks.length || chunks.at(-1)!.length >= CHUNK) {
      keys.push(next++);
      chunks.push([]);
    } else if (!dirty.has(keys.at(-1)!)) chunks[chunks.length - 1] = [...chunks.at(-1)!];
    chunks.at(-1)!.push(running[k]!);
    dirty.add(keys.at(-1)!);
  }
  return { keys, chunks };
}

/** Saves the whole state in one document (running inline); the control plane's passes save through `keepAdmissionState`. */
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
  /** How `state.running` is stored, so the next save writes only the chunks that changed. */
  layout?: RunningLayout;
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
  const { state, layout } = await loadStored(cp.store);
  cp.admission = { state, saves: savesOf(cp.store), ...(layout ? { layout } : {}) };
  return state;
}

/**
 * Saves the state and keeps it as the cached copy. `onView` makes the same change to the cached
 * view, which then stays valid; without it the view is dropped (the next pass rebuilds it).
 */
export async function keepAdmissionState(cp: ControlPlane, state: AdmissionState, onView?: (view: AdmissionView) => void): Promise<void> {
  const before = cp.admission;
  const valid = before !== undefined && before.saves === savesOf(cp.store);
  const viewValid = valid && before.view !== undefined && before.viewOf === before.state;
  const layout = await saveChunked(cp.store, state, valid ? before.layout : undefined);
  const next: AdmissionCache = { state, saves: savesOf(cp.store), layout };
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
