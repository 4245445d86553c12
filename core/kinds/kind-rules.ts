import type { Diagnostic } from '../diagnostics.ts';

/** What the validation context knows beyond the inputs themselves. */
export interface RuleContext {
  /** Accelerator type of the cluster the resource runs on, when the caller can tell (stack, control plane). */
  acceleratorType?: string;
}

/**
 * What a kind needs beyond what schema.json can say. Each hook is optional: a kind with no rules
 * is fully described by its schema. Hooks see only values that are fully known.
 */
export interface KindRules {
  /** Cross-field rules on validated, defaulted inputs. */
  check?(value: Record<string, unknown>, ctx: RuleContext): Diagnostic[];
  /** Rules on a change from old to new inputs (a volume only grows). */
  checkChange?(oldValue: Record<string, unknown>, newValue: Record<string, unknown>): Diagnostic[];
  /**
   * The input naming the cluster the resource runs on: it is validated against that cluster's
   * accelerator type and lives in its region.
   */
  clusterField?: 'cluster';
  /** Whether a replacement must delete the old resource first because both cannot exist at once. */
  deleteBeforeReplace?(oldValue: Record<string, unknown>, newValue: Record<string, unknown>): boolean;
}
