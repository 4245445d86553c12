import {
  clusterNameOf,
  clusterTypeContext,
  clusterTypesOf,
  diffResource,
  error,
  kindInfo,
  containsUnknown,
  validate,
  type Diagnostic,
  type Kind,
  type ValidateContext,
} from '../../../../core/index.ts';
import { MANAGED_LABEL_PREFIX } from '../encode-resource.ts';
import { toCheckFailures } from '../check-failures.ts';
import { fromWire } from '../from-wire.ts';
import { providerPb } from '../proto.ts';
import { toWire } from '../to-wire.ts';
import { kindOfRequest } from '../resource-kind.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/**
 * The core's validation with the provider's default region. Unknowns pass (previews send them). With old
 * inputs present, a change the kind forbids (a volume shrinking) fails here, before any diff is shown.
 */
export function checkRpc(state: ProviderState): NonNullable<ProviderRpcs['check']> {
  return async (req) => {
    const kind = kindOfRequest(req);
    await state.configured;
    const news = fromWire(req.getNews(), state.secrets);
    const olds = fromWire(req.getOlds(), state.secrets).values;
    const cluster = await clusterOf(state, kind, news.values);
    const result = validate(kind, news.values, { defaultRegion: state.settings?.region, allowUnknown: true, ...cluster });
    const res = new providerPb.CheckResponse();
    const managed = managedLabels(news.values.labels);
    if (!result.ok || managed.length) {
      res.setFailuresList(toCheckFailures([...(result.ok ? [] : result.diagnostics), ...managed]));
      // The engine shows failures against the inputs it sent; echo them so nothing is lost.
      res.setInputs(toWire(news.values, news.secretKeys));
      return res;
    }
    const value = result.value as unknown as Record<string, unknown>;
    if (Object.keys(olds).length && !containsUnknown(value)) {
      const oldValid = validate(kind, olds, { defaultRegion: state.settings?.region, allowUnknown: true });
      if (oldValid.ok) {
        const changeProblems = diffResource(kind, oldValid.value as unknown as Record<string, unknown>, value).diagnostics;
        res.setFailuresList(toCheckFailures(changeProblems));
      }
    }
    const secretInputs = Object.entries(kindInfo(kind).inputs)
      .filter(([, p]) => p.secret)
      .map(([k]) => k);
    res.setInputs(toWire(value, new Set([...news.secretKeys, ...secretInputs])));
    return res;
  };
}

/**
 * Kinds that run on a cluster (the core says which) are checked against its accelerators (runtime,
 * memory fit) and live in its region when the cluster already exists; during a first preview it does
 * not, and the control plane checks again on create.
 */
async function clusterOf(state: ProviderState, kind: Kind, inputs: Record<string, unknown>): Promise<ValidateContext> {
  const name = clusterNameOf(kind, inputs);
  if (name === undefined) return {};
  try {
    const client = await state.getClient();
    const found = await client.get('Cluster', name);
    if (!found) return {};
    const region = found.spec.region;
    // The type it runs on, or every listed type while a cluster listing several has not started.
    return { ...clusterTypeContext(clusterTypesOf(found.spec, found.outputs)), ...(typeof region === 'string' ? { clusterRegion: region } : {}) };
  } catch {
    // Check must not fail because the cloud is unreachable; Create reports that with its own error.
    return {};
  }
}

/**
 * Labels under `aicloud.dev/` are aicloud's own (the GitOps CLI's ownership labels); a program that set them
 * could claim a GitOps stack's resource, and Read leaves them out of the inputs, which would be a perpetual diff.
 */
function managedLabels(labels: unknown): Diagnostic[] {
  if (typeof labels !== 'object' || labels === null) return [];
  return Object.keys(labels)
    .filter((k) => k.startsWith(MANAGED_LABEL_PREFIX))
    .map((k) => error('INVALID_VALUE', `labels["${k}"]`, `label ${k} is managed by aicloud`, { hint: 'remove it from the program' }));
}
