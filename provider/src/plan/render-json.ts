import { PLAN_FORMAT_VERSION, type Plan } from './plan-types.ts';

/** The machine format (docs/plan-format.md); also what `--out` saves and `apply PLANFILE` reads. */
export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Why a file is not a plan this CLI can apply; the caller wraps it in a user error. */
export class PlanFormatError extends Error {}

/** Reads a saved plan, refusing files from another format version rather than guessing. */
export function parsePlan(text: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanFormatError(`not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null) throw new PlanFormatError('not a plan object');
  const plan = value as Partial<Plan>;
  if (plan.formatVersion !== PLAN_FORMAT_VERSION) {
    throw new PlanFormatError(`formatVersion ${String(plan.formatVersion)} is not ${PLAN_FORMAT_VERSION}`);
  }
  for (const key of ['stack', 'project', 'fingerprint'] as const) {
    if (typeof plan[key] !== 'string') throw new PlanFormatError(`missing ${key}`);
  }
  if (!Array.isArray(plan.steps) || !Array.isArray(plan.problems)) throw new PlanFormatError('missing steps or problems');
  return plan as Plan;
}
