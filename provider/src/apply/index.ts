// Applying plans: the parallel dependency-graph walk with retries, the executor that carries steps
// out through the client, reading a stack's actual state, the placement preview, the stack lock,
// and progress rendering. Nothing here decides what to change; the plan did.
export { walkPlan, defaultIsRetryable, defaultBackoffMs, DEFAULT_MAX_ATTEMPTS, DEFAULT_PARALLELISM, type WalkOptions } from './walk-plan.ts';
export type { ApplyEvent, ApplyReport, StepExecutor, StepOutcome, StepResult, StepStatus } from './apply-types.ts';
export { cloudExecutor, maskedOutputs, type ExecutorOptions } from './execute-step.ts';
export { readStack, toObserved } from './read-stack.ts';
export { previewPlan, wireRequest } from './preview-plan.ts';
export { acquireStackLock, type HeldLock, type LockOptions } from './stack-lock.ts';
export type { StackCloud } from './stack-cloud.ts';
export { ProgressBoard } from './progress-board.ts';
export { formatEventLine, formatSeconds } from './progress-lines.ts';
