import { readStack, type StackCloud } from '../../apply/index.ts';
import { isAicloudError } from '../../../../core/index.ts';
import { formatManifestDiagnostic, defaultStackName, addressOf } from '../../gitops/index.ts';
import { planHasChanges, summaryLine } from '../../plan/index.ts';
import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';
import { planStack } from '../plan-stack.ts';
import { executePlan, withStackLock } from '../run-apply.ts';

interface ReconcileOptions extends CloudOptions {
  args: string[];
  stack?: string;
  interval: number;
  once?: boolean;
  parallelism: number;
  lockTimeout: number;
}

/**
 * `aicloud reconcile`: the GitOps loop. Each round plans; when the repository
 * or the cloud has moved it applies under the stack lock, then logs a
 * Ready/Synced line per resource. A signal stops the loop between rounds,
 * never in the middle of an apply.
 */
export async function run(options: ReconcileOptions, ctx: CliContext): Promise<number> {
  const dir = options.args[0] ?? '.';
  const stack = options.stack ?? defaultStackName(dir);
  return withCloud(options, async (cloud) => {
    let round = 0;
    let lastOk = true;
    for (;;) {
      round++;
      lastOk = await reconcileRound(cloud, { dir, stack, round, options }, ctx);
      if (options.once || ctx.signal.aborted) break;
      await ctx.sleep(options.interval, ctx.signal);
      if (ctx.signal.aborted) break;
    }
    if (!options.once) log(ctx, `stopped after ${round} round${round === 1 ? '' : 's'}`);
    return lastOk ? 0 : 1;
  });
}

interface RoundInput {
  dir: string;
  stack: string;
  round: number;
  options: ReconcileOptions;
}

async function reconcileRound(cloud: StackCloud & { project: string; region: string | undefined }, input: RoundInput, ctx: CliContext): Promise<boolean> {
  const { dir, stack, options } = input;
  const planOptions = { dir, stack, project: cloud.project, ...(cloud.region ? { region: cloud.region } : {}) };
  // The apply runs to the end even when a signal arrives; the loop checks for it between rounds.
  const roundCtx: CliContext = { ...ctx, signal: new AbortController().signal };
  try {
    let { plan, warnings } = await planStack(cloud, planOptions);
    for (const w of warnings) log(ctx, formatManifestDiagnostic(w, 'warning'));
    const outcomes = new Map<string, string>();
    let ok = true;
    if (plan.problems.length === 0 && planHasChanges(plan)) {
      log(ctx, `round ${input.round}: drift found. ${summaryLine(plan)}`);
      await withStackLock(cloud, stack, options.lockTimeout, roundCtx, async () => {
        // Plan again under the lock: another run may have changed the stack in between.
        plan = (await planStack(cloud, planOptions)).plan;
        if (plan.problems.length > 0 || !planHasChanges(plan)) return;
        const report = await executePlan(cloud, plan, options.parallelism, roundCtx);
        ok = report.ok;
        for (const o of report.outcomes) outcomes.set(o.address, o.status);
      });
    } else if (plan.problems.length === 0) {
      log(ctx, `round ${input.round}: in sync. ${summaryLine(plan)}`);
    }
    for (const problem of plan.problems) {
      ok = false;
      log(ctx, `round ${input.round}: error ${problem.code}: ${problem.message}${problem.hint ? ` (hint: ${problem.hint})` : ''}`);
    }
    const resources = await readStack(cloud, stack);
    for (const r of resources) {
      const address = addressOf(r.kind, r.name);
      const step = plan.steps.find((s) => s.address === address);
      const synced = step !== undefined && (step.action === 'no-op' || outcomes.get(address) === 'done');
      const ready = r.status === 'ready';
      log(
        ctx,
        `${address} Ready=${ready ? 'True' : 'False'} Synced=${synced ? 'True' : 'False'} status=${r.status}${r.statusReason ? ` reason=${JSON.stringify(r.statusReason)}` : ''}`,
      );
    }
    return ok;
  } catch (error) {
    if (!isAicloudError(error) || error.source !== 'user') throw error;
    log(ctx, `round ${input.round}: error ${error.code}: ${error.message}`);
    if (error.hint) log(ctx, `  hint: ${error.hint}`);
    return false;
  }
}

function log(ctx: CliContext, line: string): void {
  ctx.stderr.write(`${new Date(ctx.now()).toISOString()} ${line}\n`);
}
