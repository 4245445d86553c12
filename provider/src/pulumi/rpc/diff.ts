import { diffContextOf, diffResource, replacedKeys, type FieldChange } from '../../../../core/index.ts';
import { inputsOf } from '../encode-resource.ts';
import { fromWire } from '../from-wire.ts';
import { providerPb } from '../proto.ts';
import { kindOfRequest } from '../resource-kind.ts';
import { inputPropertiesError } from '../rpc-error.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

const Kinds = providerPb.PropertyDiff.Kind;

/**
 * The core's diff in the engine's terms: a detailed diff naming each changed path with UPDATE or *_REPLACE,
 * the replaced top-level keys, and deleteBeforeReplace when two copies cannot coexist. Inputs are compared
 * with inputs (never outputs), which keeps computed fields from producing a perpetual diff.
 */
export function diffRpc(state: ProviderState): NonNullable<ProviderRpcs['diff']> {
  return async (req) => {
    const kind = kindOfRequest(req);
    const olds = fromWire(req.getOlds(), state.secrets).values;
    const oldInputs = req.getOldInputs() ? fromWire(req.getOldInputs(), state.secrets).values : inputsOf(kind, olds);
    const news = fromWire(req.getNews(), state.secrets).values;
    // The old outputs say which type a cluster listing several runs on: dropping another type keeps it.
    const diff = diffResource(kind, oldInputs, news, diffContextOf(olds));
    if (diff.diagnostics.length) {
      throw inputPropertiesError(
        `this change to ${req.getUrn().split('::').pop()} is not allowed: ${diff.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
        diff.diagnostics.map((d) => ({ path: d.path, reason: `${d.message} [${d.code}]${d.hint ? `. ${d.hint}` : ''}` })),
      );
    }
    const res = new providerPb.DiffResponse();
    res.setHasdetaileddiff(true);
    if (diff.step === 'no-op') {
      res.setChanges(providerPb.DiffResponse.DiffChanges.DIFF_NONE);
      return res;
    }
    res.setChanges(providerPb.DiffResponse.DiffChanges.DIFF_SOME);
    const detailed = res.getDetaileddiffMap();
    for (const field of diff.fields) {
      const d = new providerPb.PropertyDiff();
      d.setKind(propertyDiffKind(field));
      d.setInputdiff(true);
      detailed.set(field.path, d);
    }
    res.setDiffsList([...new Set(diff.fields.map((f) => topLevel(f.path)))]);
    res.setReplacesList(replacedKeys(diff));
    res.setDeletebeforereplace(diff.step === 'replace' && diff.deleteBeforeReplace);
    return res;
  };
}

function propertyDiffKind(f: FieldChange): number {
  const replace = f.impact === 'replace';
  if (f.old === undefined || f.old === null) return replace ? Kinds.ADD_REPLACE : Kinds.ADD;
  if (f.new === undefined || f.new === null) return replace ? Kinds.DELETE_REPLACE : Kinds.DELETE;
  return replace ? Kinds.UPDATE_REPLACE : Kinds.UPDATE;
}

function topLevel(path: string): string {
  return path.split(/[.[]/)[0];
}
