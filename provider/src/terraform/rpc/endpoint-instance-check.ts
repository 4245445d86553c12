// Plan-time checks of a model endpoint with an acceleratorProfile, against the cluster it names.
import { clusterTypeContext, clusterTypesOf, isUnknown, reservedReplicas, validate } from '../core-api.ts';
import type { PlacementRequest } from '../cloud-api.ts';
import type { ProviderContext } from '../provider-context.ts';
import type { TfAttribute } from '../schema/tf-attribute.ts';
import { plainDiagnostic, wireDiagnostic } from '../wire/diagnostics.ts';
import type { WireDiagnostic } from '../wire/messages.ts';

type Obj = Record<string, unknown>;

/**
 * Terraform validates an endpoint without knowing its cluster's accelerator type, so a profile of the
 * wrong type, or replicas that do not fit the cluster's free instances, would only fail at apply. When
 * the cluster already exists, its type checks the profile (field named) and the placement preview
 * checks the replicas (the cluster's instances, or instances cut from its whole accelerators). A
 * partitioned cluster whose profile differs may be changing in the same plan: apply decides. A new
 * endpoint that names a queue and does not fit now only warns: apply waits for its instances.
 */
export async function endpointInstanceCheck(ctx: ProviderContext, inputs: Obj, step: string, attributes: readonly TfAttribute[]): Promise<WireDiagnostic[]> {
  if (Object.values(inputs).some((v) => isUnknown(v))) return [];
  const name = String(inputs.name);
  const profile = String(inputs.acceleratorProfile);
  try {
    const cloud = await ctx.cloud();
    const cluster = await cloud.get('Cluster', String(inputs.cluster));
    if (!cluster) return [];
    const typed = validate('ModelEndpoint', inputs, { allowUnknown: true, ...clusterTypeContext(clusterTypesOf(cluster.spec, cluster.outputs)) });
    if (!typed.ok) return typed.diagnostics.map((d) => wireDiagnostic(d, attributes));
    // A partitioned cluster of another profile may be changing in this plan; a whole cluster has instances cut.
    if (cluster.spec.acceleratorProfile !== undefined && cluster.spec.acceleratorProfile !== profile) return [];
    const replicas = reservedReplicas(inputs);
    // A new endpoint that names a queue waits there when its instances are short; a rescale is placed at once or refused.
    const queue = step !== 'update' && typeof inputs.queue === 'string' ? inputs.queue : undefined;
    const requests: PlacementRequest[] = [
      ...(step === 'create' ? [] : [{ action: 'release' as const, name, kind: 'ModelEndpoint' as const }]),
      {
        action: 'replicas',
        name,
        cluster: String(inputs.cluster),
        replicas,
        acceleratorsPerReplica: 1,
        acceleratorProfile: profile,
        ...(queue !== undefined ? { queue } : {}),
      },
    ];
    const outcome = (await cloud.previewPlacements(requests)).at(-1);
    if (outcome && !outcome.fits && outcome.queued) {
      return [
        plainDiagnostic(
          'warning',
          `ModelEndpoint ${name} will queue`,
          `${outcome.message ?? 'not enough free instances now'}\nApply waits for admission within the create timeout (the timeouts block).`,
          'queue',
        ),
      ];
    }
    if (outcome && !outcome.fits) {
      return [
        plainDiagnostic(
          'error',
          `ModelEndpoint ${name} will not fit`,
          `${outcome.message ?? 'not enough free instances'}\nLower replicas, raise the cluster's profile_count, or free instances other endpoints use. (PLAN_WILL_NOT_FIT)`,
          'replicas',
        ),
      ];
    }
    return [];
  } catch (err) {
    return [
      plainDiagnostic(
        'warning',
        'Partition instances were not checked',
        `The placement preview failed: ${err instanceof Error ? err.message : String(err)}. Apply still refuses replicas that do not fit.`,
      ),
    ];
  }
}
