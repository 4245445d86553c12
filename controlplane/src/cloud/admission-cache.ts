import type { AdmissionState, AdmissionView, PendingRequest, RunningWork } from '../admission/index.ts';

// What the control plane keeps of the admission state between passes, apart from the code that keeps
// it, so the control plane's own type can name it without importing that code.

/**
 * Where one list is stored: chunk keys in order, and each chunk's entries (the very objects of the
 * state's list, so a later save can tell by identity which chunks changed).
 */
export interface ListLayout<T = unknown> {
  keys: number[];
  chunks: T[][];
}

/** How the state's two chunked lists are stored. */
export interface StateLayout {
  running: ListLayout<RunningWork>;
  pending?: ListLayout<PendingRequest>;
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
  /** How `state.running` and `state.pending` are stored, so the next save writes only the chunks that changed. */
  layout?: StateLayout;
  /** The gang stage's long-lived view; equal to `state` (its gangs) only while `viewOf === state`. */
  view?: AdmissionView;
  viewOf?: AdmissionState;
  /** The allocator epoch the view's server index was last known good at (see `runAdmission`). */
  epoch?: number;
  /** The stored positions, once read or saved for this version of the state. */
  positions?: Positions;
}

/**
 * Each waiting request's position after the last pass, by id. An admission at the head of a long
 * queue moves every position behind it; documents keep the reason with the position of their last
 * write, and reads put the current one in (`currentReasons`), so a pass writes this small document
 * instead of every waiting request's.
 */
export type Positions = Record<string, number>;
