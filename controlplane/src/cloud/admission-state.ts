import type { AdmissionState, AdmissionView, PendingRequest, QueueSpec, RunningWork } from '../admission/index.ts';
import type { Store } from '../store/index.ts';
import type { AdmissionCache, ListLayout, Positions, StateLayout } from './admission-cache.ts';
import type { ControlPlane } from './control-plane.ts';
import { readDoc, specOf } from './resource-doc.ts';

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

/**
 * The long lists, running work and waiting requests, are stored in chunks of this many, in order, so a
 * pass rewrites only the chunks it changed. Small, because a pass that admits work rewrites the tail
 * chunk: at 512 that rewrite was most of a pass with 15,000 running.
 */
export const STATE_CHUNK = 64;
const CHUNK = STATE_CHUNK;
const CHUNK_KEYS = { running: 'admission.running.', pending: 'admission.pending.' } as const;
type ListName = keyof typeof CHUNK_KEYS;

/** The stored document: the state, with its lists inline (older documents, `saveAdmissionState`) or in chunks. */
type StoredState = Partial<AdmissionState> & { runningChunks?: number[]; pendingChunks?: number[] };

async function loadStored(store: Store): Promise<{ state: AdmissionState; layout?: StateLayout }> {
  const raw = await store.getMeta(STATE_KEY);
  if (!raw) return { state: EMPTY };
  const { runningChunks, pendingChunks, ...doc } = JSON.parse(raw) as StoredState;
  if (!runningChunks) return { state: { ...EMPTY, ...doc } as AdmissionState };
  const running = await loadList<RunningWork>(store, 'running', runningChunks);
  const pending = pendingChunks ? await loadList<PendingRequest>(store, 'pending', pendingChunks) : undefined;
  const state = { ...EMPTY, ...doc, running: running.chunks.flat(), ...(pending ? { pending: pending.chunks.flat() } : {}) } as AdmissionState;
  return { state, layout: { running, ...(pending ? { pending } : {}) } };
}

async function loadList<T>(store: Store, list: ListName, keys: readonly number[]): Promise<ListLayout<T>> {
  const chunks: T[][] = [];
  for (const k of keys) chunks.push(JSON.parse((await store.getMeta(CHUNK_KEYS[list] + k)) ?? '[]') as T[]);
  return { keys: [...keys], chunks };
}

/**
 * Saves the state with its running and waiting lists in chunks. With the layout of the state saved
 * before (same objects), only chunks that lost entries and the tail that gained some are written; a
 * list that is not the one saved before minus some entries plus new ones at the end is written whole.
 */
async function saveChunked(store: Store, state: AdmissionState, before: StateLayout | undefined): Promise<StateLayout> {
  saves.set(store, savesOf(store) + 1);
  const running = await saveList(store, 'running', state.running, before?.running);
  const pending = await saveList(store, 'pending', state.pending, before?.pending);
  const { running: _r, pending: _p, ...rest } = state;
  await store.putMeta(STATE_KEY, JSON.stringify({ ...rest, runningChunks: running.keys, pendingChunks: pending.keys }));
  return { running, pending };
}

async function saveList<T extends { id: string }>(
  store: Store,
  list: ListName,
  items: readonly T[],
  before: ListLayout<T> | undefined,
): Promise<ListLayout<T>> {
  const dirty = new Set<number>();
  let layout = before ? keptChunks(before, items, dirty) : undefined;
  if (!layout) {
    layout = { keys: [], chunks: [] };
    for (let i = 0; i * CHUNK < items.length; i++) {
      layout.keys.push(i);
      layout.chunks.push(items.slice(i * CHUNK, (i + 1) * CHUNK));
      dirty.add(i);
    }
  }
  for (const [i, k] of layout.keys.entries()) if (dirty.has(k)) await store.putMeta(CHUNK_KEYS[list] + k, JSON.stringify(layout.chunks[i]));
  return layout;
}

/**
 * The old layout with the entries `items` no longer has taken out, entries replaced by a new object of
 * the same id (a waiting request whose shown reason changed) swapped in place, and the rest appended
 * (marking the chunks to write), or undefined when too many chunks are part-empty. Walks both lists
 * once: an entry out of its old order counts as gone from its chunk and new at the end, so what is
 * stored is always `items`, in its order.
 */
function keptChunks<T extends { id: string }>(before: ListLayout<T>, items: readonly T[], dirty: Set<number>): ListLayout<T> | undefined {
  const keys: number[] = [];
  const chunks: T[][] = [];
  let j = 0;
  for (const [i, chunk] of before.chunks.entries()) {
    const kept: T[] = [];
    let same = true;
    for (const w of chunk) {
      const item = items[j];
      if (item === w) {
        kept.push(w);
        j++;
      } else if (item !== undefined && item.id === w.id) {
        kept.push(item);
        j++;
        same = false;
      }
    }
    if (!same || kept.length !== chunk.length) dirty.add(before.keys[i]!);
    if (!kept.length) continue;
    keys.push(before.keys[i]!);
    chunks.push(same && kept.length === chunk.length ? chunk : kept);
  }
  // Too many part-empty chunks: write them all again, packed.
  if (chunks.length > 2 * Math.ceil(items.length / CHUNK) + 4) return undefined;
  let next = Math.max(-1, ...before.keys) + 1;
  for (let k = j; k < items.length; k++) {
    if (!chunks.length || chunks.at(-1)!.length >= CHUNK) {
      keys.push(next++);
      chunks.push([]);
    } else if (!dirty.has(keys.at(-1)!)) chunks[chunks.length - 1] = [...chunks.at(-1)!];
    chunks.at(-1)!.push(items[k]!);
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
 * The admission state for a change inside a write transaction: the cached copy when it is the one
 * this process last saved, the stored document otherwise. Callers must not change it in place: they
 * save a new object with `keepAdmissionState`.
 */
export async function admissionStateOf(cp: ControlPlane): Promise<AdmissionState> {
  const cached = current(cp);
  if (cached) return cached.state;
  const { state, layout } = await loadStored(cp.store);
  cp.admission = { state, saves: savesOf(cp.store), ...(layout ? { layout } : {}) };
  return state;
}

/**
 * Saves the state and keeps it as the cached copy. `onView` makes the same change to the cached
 * view, which then stays valid; without it the view is dropped (the next pass rebuilds it).
 */
export async function keepAdmissionState(cp: ControlPlane, state: AdmissionState, onView?: (view: AdmissionView) => void): Promise<void> {
  const before = current(cp);
  const viewValid = before?.view !== undefined && before.viewOf === before.state;
  const layout = await saveChunked(cp.store, state, before?.layout);
  const next: AdmissionCache = { state, saves: savesOf(cp.store), layout };
  if (before?.positions) next.positions = before.positions;
  if (viewValid && onView) {
    onView(before.view!);
    next.view = before.view;
    next.viewOf = state;
    if (before.epoch !== undefined) next.epoch = before.epoch;
  }
  cp.admission = next;
}

const POSITIONS_KEY = 'admission.positions';

/** The positions as stored: the cached copy while the cache is the stored state's, else read. */
export async function positionsOf(cp: ControlPlane): Promise<Positions> {
  const cached = current(cp);
  if (cached?.positions) return cached.positions;
  const positions = JSON.parse((await cp.store.getMeta(POSITIONS_KEY)) ?? '{}') as Positions;
  // Kept only if no write came in meanwhile: the cache must stay the stored state's.
  if (cached && current(cp) === cached) cached.positions = positions;
  return positions;
}

/** Saves the positions a pass decided, in its write transaction, and keeps them with the cached state. */
export async function keepPositions(cp: ControlPlane, positions: Positions): Promise<void> {
  await cp.store.putMeta(POSITIONS_KEY, JSON.stringify(positions));
  const cached = current(cp);
  if (cached) cached.positions = positions;
}

/** The cache while it is the stored state's (no save went past it), else undefined. */
function current(cp: ControlPlane): AdmissionCache | undefined {
  const cached = cp.admission;
  return cached && cached.saves === savesOf(cp.store) ? cached : undefined;
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

/** The engine's view of a Queue resource's spec (stored, so validated: the core's QueueInputs). */
export function toQueueSpec(project: string, raw: Record<string, unknown>): QueueSpec {
  const spec = specOf({ kind: 'Queue', spec: raw }, 'Queue');
  const quotas: QueueSpec['quotas'] = {};
  for (const q of spec.quotas) {
    quotas[q.acceleratorType] = { nominal: q.nominal, ...(q.borrowingLimit !== undefined ? { borrowingLimit: q.borrowingLimit } : {}) };
  }
  return {
    name: queueKey(project, spec.name),
    quotas,
    ...(spec.cohort !== undefined ? { cohort: spec.cohort } : {}),
    // Queues stored before these inputs had defaults may lack them.
    admissionPolicy: spec.admissionPolicy === 'priority' ? 'priority' : 'fifo',
    preemption: spec.preemption === 'lowerPriority' ? 'lowerPriority' : 'never',
  };
}

/** Queue specs as they are now: quotas or cohorts may have changed since the last pass. */
export async function currentQueues(cp: ControlPlane): Promise<QueueSpec[]> {
  const out: QueueSpec[] = [];
  for (const project of cp.projects) {
    for (const r of await cp.store.listResourcesOfKinds(project, ['Queue'])) out.push(toQueueSpec(project, readDoc(r).spec));
  }
  return out;
}
