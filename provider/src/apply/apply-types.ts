import type { PlanStep, StepAction } from '../plan/index.ts';

/** Performs one step against the cloud; returns the resource's outputs when it has any. */
export type StepExecutor = (step: PlanStep, signal: AbortSignal) => Promise<StepResult>;

export interface StepResult {
  outputs?: Record<string, unknown>;
}

/** What the walker reports as it goes; progress renderers and logs read only these. */
export type ApplyEvent =
  | { type: 'start'; address: string; action: StepAction; at: number }
  | { type: 'retry'; address: string; action: StepAction; at: number; attempt: number; delayMs: number; error: string }
  | { type: 'done'; address: string; action: StepAction; at: number; elapsedMs: number }
  | { type: 'failed'; address: string; action: StepAction; at: number; elapsedMs: number; error: string; code?: string }
  | { type: 'skipped'; address: string; action: StepAction; at: number; reason: string };

export type StepStatus = 'done' | 'failed' | 'skipped';

export interface StepOutcome {
  address: string;
  kind: string;
  name: string;
  action: StepAction;
  status: StepStatus;
  attempts: number;
  elapsedMs: number;
  error?: { code?: string; message: string; hint?: string };
  /** Why a step was skipped: the failed step it depends on. */
  reason?: string;
  outputs?: Record<string, unknown>;
}

export interface ApplyReport {
  ok: boolean;
  outcomes: StepOutcome[];
  elapsedMs: number;
  counts: Record<StepStatus, number>;
}
