import { setMaxListeners } from 'node:events';
import { isAicloudError } from '../../../core/index.ts';
import type { Plan, PlanStep } from '../plan/index.ts';
import { chainWeights, ReadyQueue } from './critical-path.ts';
import type { ApplyEvent, ApplyReport, StepExecutor, StepOutcome, StepStatus } from './apply-types.ts';

export { DEFAULT_PARALLELISM } from './default-parallelism.ts';
import { DEFAULT_PARALLELISM } from './default-parallelism.ts';

/**
 * Every retry of a step reads the resource and does only what is missing, so
 * trying again is safe and cheap. Ten tries finish a step even when the cloud
 * fails a third of its operations, with odds of failing below 1 in 50,000.
 */
export const DEFAULT_MAX_ATTEMPTS = 10;

/** Short and capped: a failed operation is over, not a busy cloud (the client already backs off from 429s and 5xx). */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(2_000, 250 * 2 ** (attempt - 2));
}

export interface WalkOptions {
  parallelism?: number;
  /** Attempts per step, the first included. The client already retries single requests; this retries whole steps. */
  maxAttempts?: number;
  isRetryable?: (error: unknown) => boolean;
  /** Delay before attempt `n` (2, 3, ...). */
  backoffMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onEvent?: (event: ApplyEvent) => void;
  signal?: AbortSignal;
}

const RETRYABLE_CODES = new Set(['UNAVAILABLE', 'RATE_LIMITED', 'OPERATION_TIMEOUT', 'OPERATION_FAILED']);

/** Failures worth another try: the cloud was busy or flaky, not the request wrong. */
export function defaultIsRetryable(error: unknown): boolean {
  if (isAicloudError(error)) return RETRYABLE_CODES.has(error.code) || error.status === 429 || error.status >= 500;
  return false;
}

/**
 * Applies a plan's steps in dependency order with up to `parallelism` in
 * flight. A failed step skips everything that depends on it (transitively) and
 * lets the rest finish, so one bad resource does not strand the others half-done.
 */
export async function walkPlan(plan: Plan, execute: StepExecutor, options: WalkOptions = {}): Promise<ApplyReport> {
  const parallelism = Math.max(1, options.parallelism ?? DEFAULT_PARALLELISM);
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const isRetryable = options.isRetryable ?? defaultIsRetryable;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const emit = options.onEvent ?? (() => {});
  const controller = new AbortController();
  // Every step in flight listens on this signal (its request, its poll sleep): that is by design.
  setMaxListeners(parallelism * 4 + 16, controller.signal);
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason), { once: true });

  const steps = plan.steps.filter((s) => s.action !== 'no-op');
  const byAddress = new Map(steps.map((s) => [s.address, s]));
  const waitingOn = new Map<string, Set<string>>();
  const dependents = new Map<string, string[]>();
  for (const step of steps) {
    const deps = step.dependsOn.filter((d) => byAddress.has(d));
    waitingOn.set(step.address, new Set(deps));
    for (const dep of deps) dependents.set(dep, [...(dependents.get(dep) ?? []), step.address]);
  }
  const outcomes = new Map<string, StepOutcome>();
  const started = now();
  const ready = new ReadyQueue(chainWeights(steps, dependents));
  for (const s of steps) if (waitingOn.get(s.address)!.size === 0) ready.push(s);
  let running = 0;

  const skipDependents = (failed: string): void => {
    for (const next of dependents.get(failed) ?? []) {
      if (outcomes.has(next)) continue;
      const step = byAddress.get(next)!;
      const reason = `${failed} did not complete`;
      outcomes.set(next, { ...identity(step), status: 'skipped', attempts: 0, elapsedMs: 0, reason });
      emit({ type: 'skipped', address: next, action: step.action, at: now(), reason });
      skipDependents(next);
    }
  };

  const runStep = async (step: PlanStep): Promise<void> => {
    const t0 = now();
    emit({ type: 'start', address: step.address, action: step.action, at: t0 });
    let attempt = 1;
    for (;;) {
      try {
        if (controller.signal.aborted) throw controller.signal.reason ?? new Error('cancelled');
        const result = await execute(step, controller.signal);
        const elapsedMs = now() - t0;
        outcomes.set(step.address, { ...identity(step), status: 'done', attempts: attempt, elapsedMs, ...(result.outputs ? { outputs: result.outputs } : {}) });
        emit({ type: 'done', address: step.address, action: step.action, at: now(), elapsedMs });
        return;
      } catch (error) {
        if (attempt < maxAttempts && !controller.signal.aborted && isRetryable(error)) {
          attempt++;
          const delayMs = backoff(attempt);
          emit({ type: 'retry', address: step.address, action: step.action, at: now(), attempt, delayMs, error: messageOf(error) });
          await sleep(delayMs);
          continue;
        }
        const elapsedMs = now() - t0;
        const err = describe(error);
        outcomes.set(step.address, { ...identity(step), status: 'failed', attempts: attempt, elapsedMs, error: err });
        emit({ type: 'failed', address: step.address, action: step.action, at: now(), elapsedMs, error: err.message, ...(err.code ? { code: err.code } : {}) });
        skipDependents(step.address);
        return;
      }
    }
  };

  await new Promise<void>((resolveAll) => {
    const pump = (): void => {
      while (running < parallelism && ready.length > 0) {
        const step = ready.shift()!;
        if (outcomes.has(step.address)) continue;
        running++;
        void runStep(step).then(() => {
          running--;
          const outcome = outcomes.get(step.address)!;
          if (outcome.status === 'done') {
            for (const next of dependents.get(step.address) ?? []) {
              const waiting = waitingOn.get(next)!;
              waiting.delete(step.address);
              if (waiting.size === 0 && !outcomes.has(next)) ready.push(byAddress.get(next)!);
            }
          }
          pump();
        });
      }
      if (running === 0 && ready.length === 0) resolveAll();
    };
    pump();
  });

  // Steps never reached (their dependencies were skipped before they were queued) are already marked; anything left is a bug.
  const list = steps.map((s) => outcomes.get(s.address) ?? { ...identity(s), status: 'skipped' as const, attempts: 0, elapsedMs: 0, reason: 'not reached' });
  const counts: Record<StepStatus, number> = { done: 0, failed: 0, skipped: 0 };
  for (const o of list) counts[o.status]++;
  return { ok: counts.failed === 0 && counts.skipped === 0, outcomes: list, elapsedMs: now() - started, counts };
}

function identity(step: PlanStep): Pick<StepOutcome, 'address' | 'kind' | 'name' | 'action'> {
  return { address: step.address, kind: step.kind, name: step.name, action: step.action };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(error: unknown): { code?: string; message: string; hint?: string } {
  if (isAicloudError(error)) return { code: error.code, message: error.message, hint: error.hint };
  return { message: messageOf(error) };
}
