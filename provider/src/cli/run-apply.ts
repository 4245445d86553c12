import { hostname, userInfo } from 'node:os';
import { cloudExecutor, formatSeconds, readStack, toObserved, acquireStackLock, walkPlan, type ApplyReport, type StackCloud } from '../apply/index.ts';
import { AicloudError, isErrorCode, type CloudResource } from '../../../core/index.ts';
import { addressOf } from '../gitops/index.ts';
import { fingerprintState, type Plan } from '../plan/index.ts';
import type { CliContext } from './cli-context.ts';
import { showProgress } from './show-progress.ts';

/** Who holds a lock, as the next run will see it named. */
export function lockHolder(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // Containers without a passwd entry have no user name; the host and pid still identify the run.
  }
  return `${user}@${hostname()} (aicloud pid ${process.pid})`;
}

/** Holds the stack lock around `fn` and always lets go, even when `fn` throws. */
export async function withStackLock<T>(cloud: StackCloud, stack: string, timeoutMs: number, ctx: CliContext, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireStackLock(cloud, stack, lockHolder(), { timeoutMs, now: ctx.now, sleep: (ms) => ctx.sleep(ms, ctx.signal) });
  try {
    return await fn();
  } finally {
    await lock.release().catch((error: unknown) => {
      ctx.stderr.write(`warning: could not release the lock of stack ${stack}: ${(error as Error).message}\n`);
    });
  }
}

/**
 * Refuses a saved plan when the stack moved since it was computed. Called
 * under the lock, so nothing can move between this check and the apply.
 */
export async function verifyPlanIsCurrent(cloud: StackCloud, plan: Plan): Promise<CloudResource[]> {
  const current = await readStack(cloud, plan.stack);
  const fingerprint = fingerprintState(plan.project, plan.stack, current.map(toObserved));
  if (fingerprint === plan.fingerprint) return current;
  const moved: string[] = [];
  const seen = new Map(current.map((r) => [addressOf(r.kind, r.name), r]));
  for (const step of plan.steps) {
    const now = seen.get(step.address);
    if (step.prior && !now) moved.push(`${step.address} was deleted`);
    else if (step.prior && now && now.resourceVersion !== step.prior.resourceVersion)
      moved.push(`${step.address} changed (resourceVersion ${step.prior.resourceVersion} -> ${now.resourceVersion})`);
    else if (!step.prior && now) moved.push(`${step.address} appeared`);
  }
  for (const address of seen.keys()) if (!plan.steps.some((s) => s.address === address)) moved.push(`${address} appeared`);
  throw new AicloudError('PLAN_STALE', `the stack ${plan.stack} changed since the plan was made${moved.length ? `: ${moved.join('; ')}` : ''}`, {
    hint: 'run `aicloud plan` again and review the new plan',
  });
}

/** Refuses plans that must not run, before any lock or prompt. */
export function assertApplicable(plan: Plan): void {
  if (plan.refreshOnly) {
    throw new AicloudError('INVALID_VALUE', 'a refresh-only plan reports drift and cannot be applied', {
      hint: 'plan without --refresh-only to get an applicable plan',
    });
  }
  if (plan.problems.length > 0) {
    const first = plan.problems[0]!;
    const code = isErrorCode(first.code) ? first.code : 'INVALID_VALUE';
    throw new AicloudError(code, `the plan cannot be applied: ${plan.problems.map((p) => p.message).join('; ')}`, first.hint ? { hint: first.hint } : {});
  }
}

/** Asks before changing anything; without a person to ask, refuses unless approved up front. */
export async function confirm(plan: Plan, autoApprove: boolean, ctx: CliContext): Promise<boolean> {
  if (autoApprove) return true;
  if (!ctx.interactive) {
    throw new AicloudError('APPROVAL_REQUIRED', `applying to stack ${plan.stack} needs confirmation and there is no terminal to ask`);
  }
  const answer = await ctx.prompt(`Apply these changes to stack "${plan.stack}"? Only 'yes' is accepted: `);
  return answer.trim() === 'yes';
}

/** Walks the plan with live progress and prints the summary; returns the report. */
export async function executePlan(cloud: StackCloud, plan: Plan, parallelism: number, ctx: CliContext): Promise<ApplyReport> {
  const progress = showProgress(plan.steps, ctx);
  let report: ApplyReport;
  try {
    report = await walkPlan(plan, cloudExecutor(cloud), {
      parallelism,
      onEvent: (e) => progress.onEvent(e),
      now: ctx.now,
      sleep: (ms) => ctx.sleep(ms, ctx.signal),
      signal: ctx.signal,
    });
  } finally {
    progress.stop();
  }
  ctx.stdout.write(summarize(report));
  return report;
}

const PAST: Record<string, string> = { create: 'created', update: 'updated', replace: 'replaced', delete: 'deleted' };

/** `Apply complete: 2 created, 1 updated in 1.4s.` and, on failure, each failure with its hint. */
export function summarize(report: ApplyReport): string {
  const done = new Map<string, number>();
  for (const o of report.outcomes) if (o.status === 'done') done.set(o.action, (done.get(o.action) ?? 0) + 1);
  const parts = ['create', 'update', 'replace', 'delete'].filter((a) => done.has(a)).map((a) => `${done.get(a)} ${PAST[a]}`);
  const lines: string[] = [];
  if (report.ok) {
    lines.push(`Apply complete: ${parts.length ? parts.join(', ') : 'nothing to do'} in ${formatSeconds(report.elapsedMs)}.`);
  } else {
    lines.push(
      `Apply failed: ${report.counts.failed} failed, ${report.counts.skipped} skipped, ${report.counts.done} done (${parts.join(', ') || 'none'}) in ${formatSeconds(report.elapsedMs)}.`,
    );
    for (const o of report.outcomes) {
      if (o.status === 'failed') {
        lines.push(`  ${o.address} (${o.action}) failed: ${o.error?.message ?? 'unknown error'}${o.error?.code ? ` [${o.error.code}]` : ''}`);
        if (o.error?.hint) lines.push(`    hint: ${o.error.hint}`);
      } else if (o.status === 'skipped') {
        lines.push(`  ${o.address} (${o.action}) skipped: ${o.reason ?? ''}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
