import type { WhatIfReport } from './what-if-types.ts';
import type { PlanLease } from './plan-lease.ts';

/** Where a desired resource was written (a manifest's file, line and column), for errors that point at it. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** Bumped when a saved plan from an older CLI can no longer be applied as is. */
export const PLAN_FORMAT_VERSION = 1;

export type StepAction = 'create' | 'update' | 'replace' | 'delete' | 'no-op';

/** One field's change, as the core's diffResource decided it (create/delete list every field). */
export interface PlanFieldChange {
  path: string;
  old?: unknown;
  new?: unknown;
  impact: 'update' | 'replace' | 'create' | 'delete';
  reason?: string;
}

/** A resource the manifests ask for, after validation and defaults. */
export interface DesiredResource {
  kind: string;
  name: string;
  /** Validated inputs including `name` and the stack's managed labels. */
  inputs: Record<string, unknown>;
  /** Addresses this resource references. */
  dependsOn: string[];
  protect: boolean;
  source?: SourcePosition;
}

/** A resource as the control plane reports it; the subset the planner reads. */
export interface ObservedResource {
  kind: string;
  name: string;
  spec: Record<string, unknown>;
  resourceVersion: number;
  generation?: number;
  status?: string;
  statusReason?: string | null;
  allocation?: unknown;
  outputs?: Record<string, unknown>;
}

/** One step of a plan. Steps of every action are kept (no-ops too) so the plan shows the whole stack. */
export interface PlanStep {
  address: string;
  kind: string;
  name: string;
  action: StepAction;
  fields: PlanFieldChange[];
  /** Names are the identity in a project, so a replace always deletes first; kept for the core's opinion. */
  deleteBeforeReplace: boolean;
  /** Steps that must finish before this one (addresses of other steps with work to do). */
  dependsOn: string[];
  /** Desired inputs for create, update and replace. */
  inputs?: Record<string, unknown>;
  /** JSON merge patch for update. */
  patch?: Record<string, unknown>;
  /** What the step was computed against; the applier sends it as If-Match. */
  prior?: { resourceVersion: number; generation: number };
  /** Derived from stack, address and generation, so a rerun after a crash reuses the dead run's create. */
  idempotencyKey?: string;
  protect: boolean;
  source?: SourcePosition;
  hourlyCost: { before: number; after: number };
  accelerators: { before: number; after: number };
}

/**
 * A change to held accelerators that the plan would make, previewed together
 * before apply: releases of deleted or replaced clusters come first, as apply
 * does them first, so freed capacity counts.
 */
export interface PlacementRequest {
  address: string;
  /** `replicas`: an endpoint's replicas inside its cluster (a queued endpoint, or one on partition instances). */
  action: 'create' | 'grow' | 'release' | 'replicas';
  name: string;
  /** What a release frees: a cluster (the default) or an endpoint's partition instances. */
  kind?: 'Cluster' | 'ModelEndpoint';
  /** For replicas: the cluster they run in, how many, and how large (accelerators, or one instance of a profile). */
  cluster?: string;
  replicas?: number;
  acceleratorsPerReplica?: number;
  zone?: string;
  acceleratorType?: string;
  /** A cluster accepting several types, most preferred first: the preview says which one it gets. */
  acceleratorTypes?: string[];
  /** For create and grow: the cluster's total servers afterwards. */
  nodeCount?: number;
  placement?: string;
  /** The queue a created cluster (or endpoint) waits in when it does not fit at once. */
  queue?: string;
  /** A partitioned cluster's profile and its number of instances (then `nodeCount` is 1). */
  acceleratorProfile?: string;
  profileCount?: number;
  /** Accelerators taken (create, grow: the increase) or freed (release). */
  acceleratorCount: number;
}

/** The control plane's answer for one request. */
export interface PlacementOutcome {
  address: string;
  action: PlacementRequest['action'];
  fits: boolean;
  /** The type placed on: for a cluster listing several, the one chosen. */
  acceleratorType?: string;
  zone?: string;
  supernodes?: string[];
  servers?: string[];
  acceleratorCount?: number;
  /** It does not fit now, but names a queue: apply leaves it waiting there instead of failing. */
  queued?: boolean;
  /** The refusal, e.g. `need 320 ascend-910c in one supernode of ...; largest free block: 248 in sn-2`. */
  message?: string;
}

export interface PlacementPreview {
  requests: PlacementRequest[];
  outcomes: PlacementOutcome[];
}

/** A reason the plan must not be applied. */
export interface PlanProblem {
  code: string;
  address?: string;
  message: string;
  hint?: string;
}

export interface CostSummary {
  hourlyCost: number;
  acceleratorHoursPerDay: number;
}

/** The whole plan: data first; renderers and the applier only read it. */
export interface Plan {
  formatVersion: number;
  stack: string;
  project: string;
  /** Hash of every observed resource's name and resourceVersion. */
  fingerprint: string;
  /** Whether the plan deletes the whole stack (`aicloud destroy`). */
  destroy: boolean;
  /** Only refresh: report drift, change nothing. */
  refreshOnly: boolean;
  steps: PlanStep[];
  placement?: PlacementPreview;
  cost: { before: CostSummary; after: CostSummary };
  problems: PlanProblem[];
  summary: Record<StepAction, number>;
  /** The capacity lease taken for this plan (`--lease`); see plan-lease.ts. */
  lease?: PlanLease;
  /** What a what-if plan found on a snapshot (`--what-if`); see what-if-types.ts. */
  whatIf?: WhatIfReport;
}

/** True when applying the plan would change something. */
export function planHasChanges(plan: Plan): boolean {
  return plan.steps.some((s) => s.action !== 'no-op');
}
