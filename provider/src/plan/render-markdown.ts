import { describeOutcome, describeRequest } from './describe-placement.ts';
import { formatDelta, formatInt, formatUsd } from './format-value.ts';
import type { Plan, StepAction } from './plan-types.ts';
import { fieldLines, summaryLine } from './render-text.ts';

const ICON: Record<StepAction, string> = { create: 'create', update: 'update', replace: 'replace', delete: 'delete', 'no-op': 'no change' };

/**
 * The plan as a pull-request comment: a summary a reviewer reads first, the
 * field diffs folded per resource, and a marker line so CI can update its own
 * comment instead of adding one per push.
 */
export function renderMarkdown(plan: Plan): string {
  const out: string[] = [];
  out.push(`<!-- aicloud-plan stack=${plan.stack} -->`);
  const status = plan.problems.length > 0 ? 'cannot be applied' : plan.steps.some((s) => s.action !== 'no-op') ? 'changes' : 'no changes';
  out.push(`### aicloud plan: \`${plan.stack}\` (${status})`);
  out.push('');
  out.push(`**${summaryLine(plan)}**`);
  out.push('');
  if (plan.problems.length > 0) {
    out.push('> [!CAUTION]');
    out.push('> This plan cannot be applied:');
    for (const problem of plan.problems) {
      out.push(`> - \`${problem.code}\`: ${escapeMd(problem.message)}${problem.hint ? ` (hint: ${escapeMd(problem.hint)})` : ''}`);
    }
    out.push('');
  }
  const changed = plan.steps.filter((s) => s.action !== 'no-op');
  if (changed.length > 0) {
    out.push('| action | resource | hourly cost before | after |');
    out.push('| --- | --- | ---: | ---: |');
    for (const step of changed) {
      out.push(`| ${ICON[step.action]} | \`${step.address}\` | ${formatUsd(step.hourlyCost.before)} | ${formatUsd(step.hourlyCost.after)} |`);
    }
    out.push('');
    for (const step of changed) {
      const lines = fieldLines(step, true);
      if (lines.length === 0) continue;
      out.push(`<details><summary><code>${step.address}</code>: ${ICON[step.action]}</summary>`);
      out.push('');
      out.push('```diff');
      // Leading markers map to diff colouring: + green, - red, ~ and -/+ shown as changed.
      for (const line of lines) out.push(line.startsWith('~') || line.startsWith('-/+') ? `! ${line}` : line);
      out.push('```');
      out.push('');
      out.push('</details>');
      out.push('');
    }
  }
  if (plan.placement && plan.placement.requests.length > 0) {
    out.push('#### Placement preview');
    out.push('');
    out.push('| resource | request | placed |');
    out.push('| --- | --- | --- |');
    for (const request of plan.placement.requests) {
      const outcome = describeOutcome(
        request,
        plan.placement.outcomes.find((o) => o.address === request.address && o.action === request.action),
      );
      const placed = !outcome ? '' : outcome.fits ? escapeMd(outcome.text) : `**${escapeMd(outcome.text)}**`;
      out.push(`| \`${request.address}\` | ${describeRequest(request)} | ${placed} |`);
    }
    out.push('');
  }
  const { before, after } = plan.cost;
  out.push('#### Cost');
  out.push('');
  out.push('| | before | after | change |');
  out.push('| --- | ---: | ---: | ---: |');
  out.push(`| hourly (USD) | ${formatUsd(before.hourlyCost)} | ${formatUsd(after.hourlyCost)} | ${formatDelta(before.hourlyCost, after.hourlyCost, true)} |`);
  out.push(
    `| accelerator-hours per day | ${formatInt(before.acceleratorHoursPerDay)} | ${formatInt(after.acceleratorHoursPerDay)} | ${formatDelta(before.acceleratorHoursPerDay, after.acceleratorHoursPerDay, false)} |`,
  );
  out.push('');
  out.push(`<sub>state fingerprint \`${plan.fingerprint.slice(0, 19)}\`</sub>`);
  return `${out.join('\n')}\n`;
}

function escapeMd(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
