import type { PlanFieldChange } from './plan-types.ts';

/**
 * What the planner needs from the core. buildPlan takes it as an argument so
 * the plan stays a pure function of its inputs; `coreRegistry()` supplies the
 * real core, and every rule (update versus replace, cost) stays there.
 */
export interface PlanRegistry {
  /** `context.acceleratorType`: the type an existing cluster runs on (its output), when known. */
  diffResource(
    kind: string,
    oldInputs: Record<string, unknown>,
    newInputs: Record<string, unknown>,
    context?: { acceleratorType?: string },
  ): {
    step: 'no-op' | 'update' | 'replace';
    fields: PlanFieldChange[];
    deleteBeforeReplace: boolean;
    /** Changes not allowed at all (a volume shrinking); each fails the plan. */
    diagnostics?: { code: string; path: string; message: string; hint?: string; value?: unknown }[];
  };
  /** `acceleratorType` is the type of the cluster an endpoint runs on; its price depends on it. */
  hourlyCost(kind: string, inputs: Record<string, unknown>, ctx: { acceleratorType?: string }): number;
  /** Whether a kind's cost adds to the stack's bill (an endpoint's accelerators are already its cluster's). */
  billed(kind: string): boolean;
  /** Accelerators a resource reserves from free capacity (a cluster's; endpoints run on their cluster's). */
  acceleratorCount(kind: string, inputs: Record<string, unknown>): number;
  /** Addresses (`Kind/name`) that the inputs reference through the schema's reference fields. */
  referencesOf(kind: string, inputs: Record<string, unknown>): string[];
}
