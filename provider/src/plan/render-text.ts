import { describeOutcome, describeRequest } from './describe-placement.ts';
import { formatDelta, formatInt, formatUsd, formatValue } from './format-value.ts';
import type { Plan, PlanFieldChange, PlanStep, StepAction } from './plan-types.ts';

export interface TextOptions {
  color?: boolean;
  /** Show the fields of create and delete steps, not only changes. */
  verbose?: boolean;
}

const SYMBOL: Record<StepAction, string> = { create: '+', update: '~', replace: '-/+', delete: '-', 'no-op': ' ' };
const VERB: Record<StepAction, string> = {
  create: 'will be created',
  update: 'will be updated in place',
  replace: 'will be replaced',
  delete: 'will be deleted',
  'no-op': 'unchanged',
};
const STACK_LABEL_PATHS = new Set(['labels["aicloud.dev/stack"]', 'labels["aicloud.dev/address"]']);
const COLOR: Record<StepAction, string> = { create: '32', update: '33', replace: '35', delete: '31', 'no-op': '2' };

/** The plan for people at a terminal: what changes, where the accelerators land, what it costs. */
export function renderText(plan: Plan, options: TextOptions = {}): string {
  const paint = (code: string, s: string): string => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const title = plan.destroy ? 'Destroy plan' : plan.refreshOnly ? 'Refresh (drift only, nothing will change)' : 'Plan';
  lines.push(`${title} for stack "${plan.stack}" in project "${plan.project}"`);
  lines.push('');
  const changed = plan.steps.filter((s) => s.action !== 'no-op');
  if (changed.length === 0) {
    lines.push('No changes. The cloud matches the manifests.');
  }
  for (const step of changed) {
    lines.push(paint(COLOR[step.action], `${SYMBOL[step.action].padStart(3)} ${step.address} ${VERB[step.action]}`));
    for (const line of fieldLines(step, options.verbose ?? step.action === 'create')) lines.push(`      ${line}`);
  }
  if (plan.placement && plan.placement.requests.length > 0) {
    lines.push('');
    lines.push('Placement preview (all accelerator requests of the plan together):');
    for (const request of plan.placement.requests) {
      const outcome = describeOutcome(
        request,
        plan.placement.outcomes.find((o) => o.address === request.address && o.action === request.action),
      );
      const line = `  ${request.address}: ${describeRequest(request)}${outcome ? (outcome.fits ? ` -> ${outcome.text}` : `: ${outcome.text}`) : ''}`;
      lines.push(outcome && !outcome.fits ? paint('31', line) : line);
    }
  }
  lines.push('');
  lines.push('Cost                        before         after         change');
  const { before, after } = plan.cost;
  lines.push(
    `  hourly (USD)        ${formatUsd(before.hourlyCost).padStart(14)}${formatUsd(after.hourlyCost).padStart(14)}${formatDelta(before.hourlyCost, after.hourlyCost, true).padStart(15)}`,
  );
  lines.push(
    `  accelerator-h/day   ${formatInt(before.acceleratorHoursPerDay).padStart(14)}${formatInt(after.acceleratorHoursPerDay).padStart(14)}${formatDelta(before.acceleratorHoursPerDay, after.acceleratorHoursPerDay, false).padStart(15)}`,
  );
  if (plan.problems.length > 0) {
    lines.push('');
    lines.push(paint('31', 'This plan cannot be applied:'));
    for (const problem of plan.problems) {
      lines.push(paint('31', `  error ${problem.code}: ${problem.message}`));
      if (problem.hint) lines.push(`        hint: ${problem.hint}`);
    }
  }
  lines.push('');
  lines.push(summaryLine(plan));
  return `${lines.join('\n')}\n`;
}

/** `Plan: 2 to create, 1 to update, 0 to replace, 1 to delete, 3 unchanged.` */
export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  return `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s['no-op']} unchanged.`;
}

/** Field lines in the documented shape: `~ nodeCount: 16 -> 24`, `-/+ acceleratorType: ... (forces replacement)`. */
export function fieldLines(step: PlanStep, verbose: boolean): string[] {
  if ((step.action === 'create' || step.action === 'delete') && !verbose) return [];
  // Every resource of the stack carries these two labels; listing them on each create is noise.
  return step.fields.filter((f) => !(f.impact === 'create' && STACK_LABEL_PATHS.has(f.path))).map((field) => fieldLine(field));
}

function fieldLine(field: PlanFieldChange): string {
  switch (field.impact) {
    case 'create':
      return `+ ${field.path}: ${formatValue(field.new)}`;
    case 'delete':
      return `- ${field.path}: ${formatValue(field.old)}`;
    case 'update':
      return `~ ${field.path}: ${formatValue(field.old)} -> ${formatValue(field.new)}`;
    case 'replace':
      return `-/+ ${field.path}: ${formatValue(field.old)} -> ${formatValue(field.new)} (${replaceReason(field.reason)})`;
  }
}

/** The core's reasons often already say "forces replacement"; do not say it twice. */
function replaceReason(reason: string | undefined): string {
  if (!reason || reason.endsWith('forces replacement')) return 'forces replacement';
  return `forces replacement: ${reason}`;
}
