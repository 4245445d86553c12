import { readFile, stat } from 'node:fs/promises';
import { AicloudError } from '../../../../core/index.ts';
import { formatManifestDiagnostic } from '../../gitops/index.ts';
import { readStack } from '../../apply/index.ts';
import { planHasChanges, PlanFormatError, parsePlan, renderText, type Plan } from '../../plan/index.ts';
import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';
import { usePlanLease } from '../lease-plan.ts';
import { planStack } from '../plan-stack.ts';
import { formatOutputs } from '../print-outputs.ts';
import { assertApplicable, confirm, executePlan, verifyPlanIsCurrent, withStackLock } from '../run-apply.ts';

export interface ApplyOptions extends CloudOptions {
  args: string[];
  stack?: string;
  autoApprove?: boolean;
  parallelism: number;
  lockTimeout: number;
}

/**
 * `aicloud apply`: a saved plan is applied exactly as reviewed (and refused if
 * the stack moved since); a directory is planned under the lock, shown, and
 * applied after confirmation.
 */
export async function run(options: ApplyOptions, ctx: CliContext): Promise<number> {
  const target = options.args[0] ?? '.';
  const isFile = await stat(target).then(
    (s) => s.isFile(),
    () => false,
  );
  return withCloud(options, async (cloud) => {
    if (isFile) {
      const plan = await readPlanFile(target);
      if (plan.project !== cloud.project) {
        throw new AicloudError('INVALID_CONFIG', `the plan is for project ${plan.project}, but the configured project is ${cloud.project}`, {
          field: 'project',
          value: cloud.project,
        });
      }
      assertApplicable(plan);
      return withStackLock(cloud, plan.stack, options.lockTimeout, ctx, async () => {
        await verifyPlanIsCurrent(cloud, plan).catch((e: unknown) => {
          // A stale plan's lease is not drawn on: say so, with the reason the plan was refused.
          if (plan.lease && e instanceof AicloudError && e.code === 'PLAN_STALE') {
            throw new AicloudError(
              'PLAN_STALE',
              `${e.message}; its lease ${plan.lease.id} is refused and stays held until ${plan.lease.expiresAt} (aicloud lease release ${plan.lease.id} frees it now)`,
              { hint: e.hint },
            );
          }
          throw e;
        });
        await usePlanLease(cloud, plan);
        if (!planHasChanges(plan)) {
          ctx.stdout.write('No changes. The cloud matches the plan.\n');
          return 0;
        }
        return finish(cloud, plan, options, ctx);
      });
    }
    return applyDirectory(cloud, target, false, options, ctx);
  });
}

/** Shared by apply and destroy: plan under the lock, show, confirm, apply. */
export async function applyDirectory(
  cloud: Parameters<typeof planStack>[0] & { project: string; region: string | undefined },
  dir: string,
  destroy: boolean,
  options: ApplyOptions,
  ctx: CliContext,
): Promise<number> {
  const { defaultStackName } = await import('../../gitops/index.ts');
  const stack = options.stack ?? defaultStackName(dir);
  return withStackLock(cloud, stack, options.lockTimeout, ctx, async () => {
    const { plan, warnings } = await planStack(cloud, {
      dir,
      stack,
      project: cloud.project,
      ...(cloud.region ? { region: cloud.region } : {}),
      ...(destroy ? { destroy: true } : {}),
    });
    for (const w of warnings) ctx.stderr.write(`${formatManifestDiagnostic(w, 'warning')}\n`);
    ctx.stdout.write(renderText(plan, { color: Boolean(ctx.stdout.isTTY) && !ctx.env.NO_COLOR }));
    assertApplicable(plan);
    if (!planHasChanges(plan)) return 0;
    if (!(await confirm(plan, options.autoApprove ?? false, ctx))) {
      ctx.stderr.write('Apply cancelled; nothing was changed.\n');
      return 1;
    }
    return finish(cloud, plan, options, ctx);
  });
}

async function finish(cloud: Parameters<typeof planStack>[0], plan: Plan, options: ApplyOptions, ctx: CliContext): Promise<number> {
  const report = await executePlan(cloud, plan, options.parallelism, ctx);
  if (!plan.destroy) ctx.stdout.write(formatOutputs(await readStack(cloud, plan.stack)));
  return report.ok ? 0 : 1;
}

async function readPlanFile(path: string): Promise<Plan> {
  try {
    return parsePlan(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof PlanFormatError) {
      throw new AicloudError('INVALID_VALUE', `${path} is not a plan saved by this version of aicloud: ${error.message}`, {
        hint: 'save a plan with `aicloud plan --out FILE`, or pass the manifests directory',
      });
    }
    throw error;
  }
}
