import { writeFile } from 'node:fs/promises';
import { formatManifestDiagnostic } from '../../gitops/index.ts';
import { planHasChanges, renderJson, renderMarkdown, renderText, type Plan } from '../../plan/index.ts';
import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';
import { planStack } from '../plan-stack.ts';
import { AicloudError } from '../../../../core/index.ts';
import { leasePlan } from '../lease-plan.ts';
import { lockHolder } from '../run-apply.ts';

interface PlanOptions extends CloudOptions {
  args: string[];
  stack?: string;
  out?: string;
  format: 'text' | 'markdown' | 'json';
  detailedExitcode?: boolean;
  refreshOnly?: boolean;
  /** Milliseconds to lease the placements for (`--lease 30m`). */
  lease?: number;
  /** A snapshot file to plan against (`--what-if`), and failures to inject (`--degrade`). */
  whatIf?: string;
  degrade?: string;
}

/** Renders a plan in the format asked for. */
export function renderPlan(plan: Plan, format: PlanOptions['format'], color: boolean): string {
  if (format === 'json') return renderJson(plan);
  if (format === 'markdown') return renderMarkdown(plan);
  return renderText(plan, { color });
}

/** `aicloud plan`: exit 0 no changes, 2 changes (with --detailed-exitcode), 1 error or a plan that cannot be applied. */
export async function run(options: PlanOptions, ctx: CliContext): Promise<number> {
  const dir = options.args[0] ?? '.';
  if (options.degrade !== undefined && options.whatIf === undefined)
    throw new AicloudError('INVALID_VALUE', '--degrade needs --what-if FILE', { field: 'degrade' });
  if (options.whatIf !== undefined) {
    if (options.out || options.lease !== undefined)
      throw new AicloudError('INVALID_VALUE', 'a what-if plan is never applied, so it takes neither --out nor --lease', { field: 'what-if' });
    // Loaded only here: it brings the allocator and the control plane's preview into the process.
    const { runWhatIfPlan } = await import('../what-if-plan.ts');
    return runWhatIfPlan(
      {
        dir,
        snapshotFile: options.whatIf,
        format: options.format,
        ...(options.degrade ? { degrade: options.degrade } : {}),
        ...(options.stack ? { stack: options.stack } : {}),
        ...(options.region ? { region: options.region } : {}),
      },
      ctx,
    );
  }
  if (options.lease !== undefined && !options.out)
    throw new AicloudError('INVALID_VALUE', '--lease needs --out: the lease is recorded in the saved plan', { field: 'lease' });
  return withCloud(options, async (cloud) => {
    const planned = await planStack(cloud, {
      dir,
      project: cloud.project,
      ...(options.stack ? { stack: options.stack } : {}),
      ...(cloud.region ? { region: cloud.region } : {}),
      ...(options.refreshOnly ? { refreshOnly: true } : {}),
    });
    const warnings = planned.warnings;
    const plan =
      options.lease !== undefined && planned.plan.problems.length === 0 ? await leasePlan(cloud, planned.plan, options.lease, lockHolder()) : planned.plan;
    for (const w of warnings) ctx.stderr.write(`${formatManifestDiagnostic(w, 'warning')}\n`);
    ctx.stdout.write(renderPlan(plan, options.format, Boolean(ctx.stdout.isTTY) && !ctx.env.NO_COLOR));
    if (options.out) {
      await writeFile(options.out, renderJson(plan));
      ctx.stderr.write(`Saved the plan to ${options.out}; apply it exactly with: aicloud apply ${options.out}\n`);
      if (plan.lease) {
        // Endpoint replicas run inside clusters: their accelerators are counted with their cluster's.
        const taken = plan.lease.holdings.filter((h) => h.action !== 'replicas').reduce((n, h) => n + h.acceleratorCount, 0);
        const endpoints = plan.lease.holdings.filter((h) => h.action === 'replicas').length;
        const inside = endpoints ? ` and the replicas of ${endpoints} endpoint${endpoints === 1 ? '' : 's'} inside their clusters` : '';
        ctx.stderr.write(`Leased ${taken} accelerators${inside} for it until ${plan.lease.expiresAt} (lease ${plan.lease.id}).\n`);
      }
    }
    if (plan.problems.length > 0) return 1;
    return options.detailedExitcode && planHasChanges(plan) ? 2 : 0;
  });
}
