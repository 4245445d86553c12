// The report a what-if plan adds to a plan (`plan.whatIf`, docs/plan-format.md). Only its shape lives
// with the plan; provider/src/what-if builds it on a snapshot.

/** What a what-if plan found (`plan.whatIf`, docs/plan-format.md). */
export interface WhatIfReport {
  /** When the snapshot was taken (ISO), and whether it names other projects' holders. */
  snapshotTakenAt: string;
  complete: boolean;
  /** The `--degrade` SPEC, or null for the snapshot as it was. */
  degrade: string | null;
  /** The degradation in words: `sn-2 fails`, `cn-southwest-2a/sn-1/s07 is drained`. */
  scenario: string;
  lost: { faultyAccelerators: number; drainedServers: number };
  /** Holders that lost accelerators, and whether each would fit again elsewhere. */
  displaced: Displaced[];
  wouldNotFit: { address: string; message: string }[];
  wouldQueue: { address: string; message: string; wait: WaitEstimate }[];
  fits: { address: string; supernodes: string[] }[];
}

/** A holder the degradation broke, and whether it would fit again elsewhere. */
export interface Displaced {
  owner: string;
  kind: string | null;
  name: string | null;
  project: string;
  acceleratorCount: number;
  /** Where it would go again, or why it would not fit; absent for holders a project token cannot see. */
  refit?: { fits: true; supernodes: string[] } | { fits: false; message: string };
}

/** The queue model's answer for one request that would wait. */
export interface WaitEstimate {
  /** Milliseconds from the snapshot until enough accelerators are expected free; null when unknown. */
  waitMs: number | null;
  /** How the figure was reached, in words. */
  basis: string;
}
