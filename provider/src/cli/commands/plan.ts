import { writeFile } from 'node:fs/promises';
import { formatManifestDiagnostic } from '../../gitops/index.ts';
import { planHasChanges, renderJson, renderMarkdown, renderText, type Plan } from '../../plan/index.ts';
import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';
import { planStack } from '../plan-stack.ts';

interface PlanOptions extends CloudOptions {
  args: string[];
  stack?: string;
  out?: string;
  format: 'text' | 'markdown' | 'json';
  detailedExitcode?: boolean;
  refreshOnly?: boolean;
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
  return withCloud(options, async (cloud) => {
    const { plan, warnings } = await planStack(cloud, {
      dir,
      project: cloud.project,
      ...(options.stack ? { stack: options.stack } : {}),
      ...(cloud.region ? { region: cloud.region } : {}),
      ...(options.refreshOnly ? { refreshOnly: true } : {}),
    });
    for (const w of warnings) ctx.stderr.write(`${formatManifestDiagnostic(w, 'warning')}\n`);
    ctx.stdout.write(renderPlan(plan, options.format, Boolean(ctx.stdout.isTTY) && !ctx.env.NO_COLOR));
    if (options.out) {
      await writeFile(options.out, renderJson(plan));
      ctx.stderr.write(`Saved the plan to ${options.out}; apply it exactly with: aicloud apply ${options.out}\n`);
    }
    if (plan.problems.length > 0) return 1;
    return options.detailedExitcode && planHasChanges(plan) ? 2 : 0;
  });
}
