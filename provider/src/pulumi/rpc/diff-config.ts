import { providerPb } from '../proto.ts';
import { fromWire } from '../from-wire.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';
import { isDeepStrictEqual } from 'node:util';
import { containsUnknown } from '../../../../core/index.ts';

/**
 * A changed project points at another set of resources, so it replaces the provider (and with it
 * every resource it manages); a new endpoint, token or default region is an in-place change.
 */
export function diffConfigRpc(state: ProviderState): NonNullable<ProviderRpcs['diffConfig']> {
  return async (req) => {
    const olds = fromWire(req.getOldInputs() ?? req.getOlds(), state.secrets).values;
    const news = fromWire(req.getNews(), state.secrets).values;
    const res = new providerPb.DiffResponse();
    const changed: string[] = [];
    const replaces: string[] = [];
    const detailed = res.getDetaileddiffMap();
    for (const key of ['endpoint', 'token', 'project', 'region']) {
      const o = olds[key] ?? undefined;
      const n = news[key] ?? undefined;
      if (isDeepStrictEqual(o, n) && !containsUnknown(n)) continue;
      changed.push(key);
      // The same cloud can move to another address; another project is another set of resources.
      const replace = key === 'project';
      if (replace) replaces.push(key);
      const d = new providerPb.PropertyDiff();
      const kinds = providerPb.PropertyDiff.Kind;
      d.setKind(
        o === undefined
          ? replace
            ? kinds.ADD_REPLACE
            : kinds.ADD
          : n === undefined
            ? replace
              ? kinds.DELETE_REPLACE
              : kinds.DELETE
            : replace
              ? kinds.UPDATE_REPLACE
              : kinds.UPDATE,
      );
      d.setInputdiff(true);
      detailed.set(key, d);
    }
    res.setChanges(changed.length ? providerPb.DiffResponse.DiffChanges.DIFF_SOME : providerPb.DiffResponse.DiffChanges.DIFF_NONE);
    res.setDiffsList(changed);
    res.setReplacesList(replaces);
    res.setHasdetaileddiff(true);
    return res;
  };
}
