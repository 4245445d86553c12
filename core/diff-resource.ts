import { acceptedTypesImpact } from './kinds/accelerator-types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { joinPath } from './field-path.ts';
import type { Kind } from './generated/registry.ts';
import { KIND_RULES } from './kinds/index.ts';
import { kindInfo } from './kinds-registry.ts';
import { isUnknown, UNKNOWN } from './unknown.ts';
import { checkChange } from './validate.ts';

/** What a field's change does to the resource: ranked, so the worst field decides the step. */
export type Impact = 'update' | 'replace';

export interface FieldChange {
  /** Dotted path, as in diagnostics: `nodeCount`, `model.precision`, `labels.team`. */
  path: string;
  old: unknown;
  new: unknown;
  impact: Impact;
  /** Why a change replaces, e.g. `acceleratorType forces replacement`. */
  reason?: string;
}

export interface ResourceDiff {
  step: 'no-op' | 'update' | 'replace';
  fields: FieldChange[];
  /** The old resource must go before the new one can exist (same name, or the same accelerators). */
  deleteBeforeReplace: boolean;
  /** Changes that are not allowed at all (a volume shrinking); a plan with any of these fails. */
  diagnostics: Diagnostic[];
}

const IMPACT_RANK: Record<Impact, number> = { update: 1, replace: 2 };

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** What a front end knows of the existing resource beyond its inputs (from its outputs or state). */
export interface DiffContext {
  /**
   * The accelerator type a cluster runs on (its `acceleratorType` output, chosen from `acceleratorTypes`).
   * With it, dropping a listed type replaces the cluster only when it is this one; without it, dropping
   * any listed type replaces, since it may have been the one chosen.
   */
  acceleratorType?: string;
}

/**
 * The context a front end reads from its own record of the existing resource (Pulumi's old outputs,
 * Terraform's prior state, the GitOps plan's observed outputs): the type a cluster runs on, when known.
 */
export function diffContextOf(recorded: Readonly<Record<string, unknown>> | undefined): DiffContext {
  const type = recorded?.acceleratorType;
  return typeof type === 'string' && type !== '' ? { acceleratorType: type } : {};
}

/**
 * Compares a resource's validated old and new inputs field by field. The schema's replaceOnChanges
 * marks decide each field's impact, and the worst field decides the step: the one place that says
 * update or replace, for every front end.
 */
export function diffResource(kind: Kind, oldInputs: Record<string, unknown>, newInputs: Record<string, unknown>, context: DiffContext = {}): ResourceDiff {
  const info = kindInfo(kind);
  const replacing = new Set(info.replaceOnChanges);
  const fields: FieldChange[] = [];

  const impactOf = (segments: string[]): { impact: Impact; reason?: string } => {
    for (let i = segments.length; i > 0; i--) {
      const prefix = segments.slice(0, i).join('.');
      if (replacing.has(prefix)) return { impact: 'replace', reason: `${prefix} forces replacement` };
    }
    return { impact: 'update' };
  };

  const visit = (a: unknown, b: unknown, segments: string[], nestedObject: boolean) => {
    if (sameValue(a, b)) return;
    // Descend into objects and maps so a diff names the exact field (labels.team, model.precision).
    if (nestedObject && isPlainObject(a) && isPlainObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) visit(a[k], b[k], [...segments, k], true);
      return;
    }
    fields.push({ path: joinPath(segments), old: a, new: b, ...impactOf(segments) });
  };

  for (const k of new Set([...Object.keys(info.inputs)])) visit(oldInputs[k], newInputs[k], [k], true);

  // A cluster's accepted types: adding or reordering keeps it; dropping the type it runs on (or, when
  // that is not known, any type it may run on) replaces it.
  const chosen = kind === 'Cluster' && context.acceleratorType ? context.acceleratorType : undefined;
  for (const f of fields) {
    if (
      kind === 'Cluster' &&
      f.path.split(/[.[]/)[0] === 'acceleratorTypes' &&
      !isUnknown(f.new) &&
      acceptedTypesImpact(oldInputs, newInputs, chosen) === 'replace'
    ) {
      f.impact = 'replace';
      f.reason = chosen
        ? `dropping ${chosen}, the accelerator type the cluster runs on, forces replacement`
        : 'dropping an accepted accelerator type forces replacement (the cluster may run on it)';
    }
  }
  let step: ResourceDiff['step'] = 'no-op';
  for (const f of fields) if (step === 'no-op' || IMPACT_RANK[f.impact] > IMPACT_RANK[step as Impact]) step = f.impact;
  const diagnostics = step === 'no-op' || fields.some((f) => isUnknown(f.new)) ? [] : checkChange(kind, oldInputs, newInputs);
  const rules = KIND_RULES[kind];
  const deleteBeforeReplace =
    step === 'replace' && (rules.deleteBeforeReplace ? rules.deleteBeforeReplace(oldInputs, newInputs) : oldInputs.name === newInputs.name);
  return { step, fields, deleteBeforeReplace, diagnostics };
}

/** The top-level input names that changed in a way that forces replacement (Pulumi `replaces`, Terraform `requires_replace`). */
export function replacedKeys(diff: ResourceDiff): string[] {
  return [...new Set(diff.fields.filter((f) => f.impact === 'replace').map((f) => f.path.split(/[.[]/)[0]))];
}

export { UNKNOWN };
