import type { Diagnostic } from '../diagnostics.ts';
import { acceptedTypes } from './accelerator-types.ts';
import type { KindRules } from './kind-rules.ts';

/**
 * The accelerator types a cluster may still run on, read from a front end's record of it (its spec,
 * and its outputs or state): the one it names, the one the cloud chose from its `acceleratorTypes`
 * (the `acceleratorType` output), or, while that choice is open (a cluster waiting in a queue, or not
 * created yet), every listed type. Endpoints and pools on it are checked against each of these.
 */
export function clusterTypesOf(spec: Readonly<Record<string, unknown>>, recorded?: Readonly<Record<string, unknown>>): string[] {
  if (typeof spec.acceleratorType === 'string' && spec.acceleratorType !== '') return [spec.acceleratorType];
  const listed = acceptedTypes(spec);
  // A list that no longer names the chosen type replaces the cluster: its type is open again.
  const chosen = recorded?.acceleratorType;
  if (typeof chosen === 'string' && listed.includes(chosen)) return [chosen];
  return listed;
}

/**
 * The validation context for a resource on a cluster that may run on `types`: one type is checked as
 * before; several (the cluster's type is still open) are each checked, so the resource is accepted
 * only when it runs whichever listed type the cluster starts on.
 */
export function clusterTypeContext(types: readonly string[]): { acceleratorType?: string; acceleratorTypes?: string[] } {
  if (types.length === 0) return {};
  return types.length === 1 ? { acceleratorType: types[0]! } : { acceleratorTypes: [...types] };
}

/**
 * A kind's rules on a cluster whose type is still open: the rules that need no type once, then each
 * type's own. A problem that only one type has names that type, and its hint says how to get past
 * it: drop the type from the cluster's list, or change the resource. Same problems are shown once.
 */
export function checkOnEveryType(rules: KindRules, value: Record<string, unknown>, types: readonly string[]): Diagnostic[] {
  if (!rules.check) return [];
  const base = rules.check(value, {});
  const seen = new Set(base.map(keyOf));
  const out = [...base];
  for (const type of types) {
    for (const d of rules.check(value, { acceleratorType: type })) {
      const k = keyOf(d);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(d.severity === 'error' ? onOpenType(d, type) : d);
    }
  }
  return out;
}

function keyOf(d: Diagnostic): string {
  return `${d.severity}|${d.code}|${d.path}|${d.message}`;
}

function onOpenType(d: Diagnostic, type: string): Diagnostic {
  return {
    ...d,
    message: `${d.message} (the cluster has not started yet and may start on ${type}, one of its acceleratorTypes)`,
    hint: `Drop ${type} from the cluster's acceleratorTypes, or change this resource${d.hint ? `: ${d.hint}` : '.'}`,
  };
}
