// PlanResourceChange: the core decides defaults and update-versus-replace; this shapes the answer.
import {
  clusterNameOf,
  clusterTypeContext,
  clusterTypesOf,
  diffContextOf,
  diffResource,
  endpointNeedsPreview,
  isUnknown,
  mergeProviderSettings,
  reservedReplicas,
  validate,
  type ClusterInputs,
  type ValidateContext,
} from '../core-api.ts';
import type { PlacementRequest } from '../cloud-api.ts';
import { clusterPreviewBatch, clusterVerdict } from '../../plan/index.ts';
import { decodeCty, encodeCty } from '../cty/cty-msgpack.ts';
import { TF_UNKNOWN, TfUnknown } from '../cty/unknown-value.ts';
import type { ProviderContext } from '../provider-context.ts';
import type { TfAttribute } from '../schema/tf-attribute.ts';
import { toAttributePath } from '../wire/attribute-path.ts';
import { plainDiagnostic, wireDiagnostic } from '../wire/diagnostics.ts';
import type { AttributePath, PlanResourceChangeRequest, PlanResourceChangeResponse, WireDiagnostic } from '../wire/messages.ts';
import { cloudToTf, inputsFromTf } from '../wire/tf-value.ts';
import { endpointInstanceCheck } from './endpoint-instance-check.ts';
import { isDiagnostic, resourceEntry } from './lookup.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof TfUnknown);

/**
 * Configuration wins; where it says nothing about an attribute the cloud may decide, the core's
 * default is planned, else what the cloud decided before (`prior`), else "known after apply".
 */
function plannedValue(config: unknown, validated: unknown, prior: unknown, attr: TfAttribute): unknown {
  if (config instanceof TfUnknown) return config;
  if (config === null || config === undefined) {
    if (!attr.computed) return null;
    if (validated !== null && validated !== undefined) return validated;
    return prior ?? TF_UNKNOWN;
  }
  if (attr.nested?.nesting === 'single' && isObj(config)) {
    const out: Obj = {};
    for (const child of attr.nested.attributes) {
      out[child.name] = plannedValue(
        config[child.name],
        isObj(validated) ? validated[child.name] : undefined,
        isObj(prior) ? prior[child.name] : undefined,
        child,
      );
    }
    return out;
  }
  return config;
}

function planInputs(attributes: readonly TfAttribute[], config: Obj, validated: Obj, prior: Obj | null): Obj {
  const out: Obj = {};
  for (const attr of attributes) {
    if (attr.role !== 'input') continue;
    out[attr.name] = plannedValue(config[attr.name], cloudToTf(validated[attr.key], attr.type), prior?.[attr.name], attr);
  }
  return out;
}

export async function planResourceChange(ctx: ProviderContext, req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
  const entry = resourceEntry(ctx, req.type_name);
  if (isDiagnostic(entry)) return { diagnostics: [entry] };
  const { schema, kind } = entry;
  const proposed = decodeCty(req.proposed_new_state?.msgpack, schema.type);
  // Destroy: nothing to decide.
  if (proposed === null) return { planned_state: { msgpack: encodeCty(null, schema.type) }, planned_private: req.prior_private };

  const prior = decodeCty(req.prior_state?.msgpack, schema.type) as Obj | null;
  const config = (decodeCty(req.config?.msgpack, schema.type) ?? {}) as Obj;
  const inputs = inputsFromTf(config, schema.attributes);
  const validation = validate(kind, inputs, {
    allowUnknown: true,
    defaultRegion: ctx.config.region ?? mergeProviderSettings([]).region,
    // A resource that runs on a cluster lives in its region and is checked against its type (or every
    // type it may still start on), when the cluster exists: the core's rules, as the cloud applies them.
    ...(await clusterContext(ctx, clusterNameOf(kind, inputs))),
  });
  if (!validation.ok) return { diagnostics: validation.diagnostics.map((d) => wireDiagnostic(d, schema.attributes)) };
  const validated = validation.value as unknown as Obj;
  const diagnostics: WireDiagnostic[] = validation.warnings.map((d) => wireDiagnostic(d, schema.attributes));

  let planned: Obj = planInputs(schema.attributes, config, validated, prior);
  const requiresReplace: AttributePath[] = [];
  let step: 'create' | 'update' | 'replace' | 'no-op' = 'create';
  // The old size, when it changes: whether the change grows is the core's call (clusterNeedsPreview).
  let grown: { old: unknown } | undefined;
  let changed: string[] = [];
  if (prior) {
    const priorInputs = inputsFromTf(prior, schema.attributes);
    // Prior state holds the type a cluster listing several runs on (accelerator_type, computed): dropping another type keeps it.
    const diff = diffResource(kind, priorInputs, inputsFromTf(planned, schema.attributes), diffContextOf(priorInputs));
    diagnostics.push(...diff.diagnostics.map((d) => wireDiagnostic(d, schema.attributes)));
    step = diff.step;
    for (const f of diff.fields) {
      if (f.impact !== 'replace') continue;
      const path = toAttributePath(f.path, schema.attributes);
      if (path) requiresReplace.push(path);
    }
    if (step === 'replace') planned = planInputs(schema.attributes, config, validated, null);
    grown = diff.fields.find((f) => f.path === 'nodeCount');
    changed = diff.fields.map((f) => f.path);
  }

  for (const attr of schema.attributes) {
    if (attr.role === 'id') planned[attr.name] = step === 'update' || step === 'no-op' ? (prior?.[attr.name] ?? TF_UNKNOWN) : TF_UNKNOWN;
    if (attr.role === 'output') planned[attr.name] = step === 'no-op' ? (prior?.[attr.name] ?? null) : TF_UNKNOWN;
  }
  for (const block of schema.blocks) planned[block.name] = config[block.name] ?? null;
  // No change: answer exactly what is in state, so the plan is empty and stays empty.
  if (step === 'no-op' && prior) planned = { ...prior, ...Object.fromEntries(schema.blocks.map((b) => [b.name, config[b.name] ?? null])) };

  if (kind === 'Cluster' && step !== 'no-op') diagnostics.push(...(await capacityCheck(ctx, validated, step, { nodeCount: grown?.old }, schema.attributes)));
  // Whether an endpoint is previewed is the core's call; one on partition instances is checked (and warned of) by endpointInstanceCheck.
  if (kind === 'ModelEndpoint' && endpointNeedsPreview(step, validated, changed)) {
    diagnostics.push(
      ...(typeof validated.acceleratorProfile === 'string'
        ? await endpointInstanceCheck(ctx, validated, step, schema.attributes)
        : await endpointQueueCheck(ctx, validated)),
    );
  }

  return {
    planned_state: { msgpack: encodeCty(planned, schema.type) },
    requires_replace: requiresReplace,
    planned_private: req.prior_private,
    diagnostics,
  };
}

/** The region of an existing cluster; undefined when there is none yet or the cloud cannot be asked (apply decides). */
async function clusterContext(ctx: ProviderContext, name: string | undefined): Promise<ValidateContext> {
  if (name === undefined) return {};
  try {
    const found = await (await ctx.cloud()).get('Cluster', name);
    if (!found) return {};
    const region = found.spec.region;
    return { ...(typeof region === 'string' ? { clusterRegion: region } : {}), ...clusterTypeContext(clusterTypesOf(found.spec, found.outputs)) };
  } catch {
    return {};
  }
}

/**
 * Asks the cloud whether the accelerators exist now: a cluster that is replaced first releases what
 * it holds, one that grows asks for the new total next to what it has. A request that cannot fit is an
 * error, as in a GitOps plan, unless the cluster names a queue, where it will wait (a warning); a preview that could not run is only a warning, since apply will find out.
 */
async function capacityCheck(
  ctx: ProviderContext,
  inputs: Obj,
  step: 'create' | 'update' | 'replace',
  before: { nodeCount?: unknown } | undefined,
  attributes: readonly TfAttribute[],
): Promise<WireDiagnostic[]> {
  if (Object.values(inputs).some((v) => isUnknown(v))) return [];
  const name = String(inputs.name);
  // Validated, defaulted and fully known: the core builds the request, as for every front end.
  const cluster = inputs as unknown as ClusterInputs;
  const requests: PlacementRequest[] = clusterPreviewBatch(step, cluster, before);
  if (!requests.length) return [];
  try {
    const results = await (await ctx.cloud()).previewPlacements(requests);
    const verdict = clusterVerdict(results[results.length - 1], cluster);
    if (verdict.kind === 'queued') {
      return [
        plainDiagnostic(
          'warning',
          `Cluster ${name} will queue`,
          `${verdict.message}\nApply waits for admission within the create timeout (the timeouts block).`,
          'queue',
        ),
      ];
    }
    if (verdict.kind === 'will-not-fit') {
      // The field that sizes the cluster (profile_count when partitioned), as the core names it.
      const size = attributes.find((a) => a.key === verdict.field)?.name ?? verdict.field;
      return [
        plainDiagnostic(
          'error',
          `Cluster ${name} will not fit`,
          `${verdict.message}\nLower ${size}, pick another zone or placement, or free capacity (the aicloud_capacity data source shows what is free). (PLAN_WILL_NOT_FIT)`,
          size,
        ),
      ];
    }
    return [];
  } catch (err) {
    return [
      plainDiagnostic(
        'warning',
        'Capacity was not checked',
        `The placement preview failed: ${err instanceof Error ? err.message : String(err)}. Apply still refuses a cluster that does not fit.`,
      ),
    ];
  }
}

/**
 * A new endpoint that names a queue: the preview says whether its replicas fit in its cluster now.
 * When they do not, the plan warns that it will queue (apply waits within the create timeout); an
 * endpoint without a queue is placed or refused at apply, as before.
 */
async function endpointQueueCheck(ctx: ProviderContext, inputs: Obj): Promise<WireDiagnostic[]> {
  if (Object.values(inputs).some((v) => isUnknown(v))) return [];
  const name = String(inputs.name);
  const request: PlacementRequest = {
    action: 'replicas',
    name,
    cluster: String(inputs.cluster),
    queue: String(inputs.queue),
    replicas: reservedReplicas(inputs),
    acceleratorsPerReplica: Number(inputs.acceleratorsPerReplica),
  };
  try {
    const [outcome] = await (await ctx.cloud()).previewPlacements([request]);
    if (outcome && !outcome.fits && outcome.queued) {
      return [
        plainDiagnostic(
          'warning',
          `ModelEndpoint ${name} will queue`,
          `${outcome.message ?? 'no room in its cluster now'}\nApply waits for admission within the create timeout (the timeouts block).`,
          'queue',
        ),
      ];
    }
    return [];
  } catch {
    // Only a warning could come of it; apply finds out either way.
    return [];
  }
}
