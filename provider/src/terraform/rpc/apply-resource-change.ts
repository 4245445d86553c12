// ApplyResourceChange: create, update or delete through the client, honouring timeouts. When the
// cloud has accepted a resource and something then fails, the state still records it, so nothing leaks.
import { randomUUID } from 'node:crypto';
import { UNKNOWN, type CloudResource, type Kind } from '../core-api.ts';
import { decodeCty, encodeCty } from '../cty/cty-msgpack.ts';
import type { ProviderContext } from '../provider-context.ts';
import { stateFromCloud } from '../resource-state.ts';
import type { TfObjectSchema } from '../schema/tf-attribute.ts';
import { errorDiagnostic } from '../wire/diagnostics.ts';
import type { ApplyResourceChangeRequest, ApplyResourceChangeResponse, WireDiagnostic } from '../wire/messages.ts';
import { inputsFromTf } from '../wire/tf-value.ts';
import { isDiagnostic, resourceEntry } from './lookup.ts';
import { decodePrivate, encodePrivate } from './private-state.ts';
import { timeoutMs } from './timeouts.ts';

type Obj = Record<string, unknown>;

/** Inputs still unknown at apply are ones the cloud decides: leave them out. */
function knownInputs(value: Obj, schema: TfObjectSchema): Obj {
  const strip = (v: unknown): unknown => {
    if (v === UNKNOWN) return undefined;
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .map(([k, x]) => [k, strip(x)])
          .filter(([, x]) => x !== undefined),
      );
    return v;
  };
  return strip(inputsFromTf(value, schema.attributes)) as Obj;
}

/** Top-level merge patch: changed fields carry their new value, removed ones null. */
function patchBetween(before: Obj, after: Obj): Obj {
  const patch: Obj = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) patch[k] = after[k] ?? null;
  }
  return patch;
}

export async function applyResourceChange(ctx: ProviderContext, req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
  const entry = resourceEntry(ctx, req.type_name);
  if (isDiagnostic(entry)) return { diagnostics: [entry] };
  const { schema, kind } = entry;
  const prior = decodeCty(req.prior_state?.msgpack, schema.type) as Obj | null;
  const planned = decodeCty(req.planned_state?.msgpack, schema.type) as Obj | null;
  const cloud = await ctx.cloud();
  const signal = ctx.stop.signal;
  const respond = (state: Obj | null, resource?: CloudResource, diagnostics: WireDiagnostic[] = []): ApplyResourceChangeResponse => ({
    new_state: { msgpack: encodeCty(state, schema.type) },
    private: encodePrivate(resource?.resourceVersion),
    diagnostics,
  });

  if (planned === null) {
    const name = String(prior?.name);
    try {
      await cloud.delete(kind, name, { timeoutMs: timeoutMs(prior?.timeouts, 'delete'), signal });
      return respond(null);
    } catch (err) {
      return {
        new_state: req.prior_state,
        private: req.planned_private,
        diagnostics: [errorDiagnostic(err, `Deleting ${req.type_name} ${name} failed`, schema.attributes)],
      };
    }
  }

  const name = String(planned.name);
  if (prior === null) {
    // The plan already validated and defaulted these inputs; the control plane checks them again.
    try {
      const created = await cloud.create(kind, knownInputs(planned, schema), {
        idempotencyKey: randomUUID(),
        timeoutMs: timeoutMs(planned.timeouts, 'create'),
        signal,
      });
      return respond(stateFromCloud(schema, created, planned), created);
    } catch (err) {
      return afterFailure(ctx, kind, schema, name, planned, errorDiagnostic(err, `Creating ${req.type_name} ${name} failed`, schema.attributes), respond);
    }
  }

  const patch = patchBetween(knownInputs(prior, schema), knownInputs(planned, schema));
  try {
    const updated = Object.keys(patch).length
      ? await cloud.update(kind, name, patch, { ifMatch: decodePrivate(req.planned_private), timeoutMs: timeoutMs(planned.timeouts, 'update'), signal })
      : await cloud.get(kind, name);
    if (!updated) throw new Error(`${req.type_name} ${name} disappeared during apply`);
    return respond(stateFromCloud(schema, updated, planned), updated);
  } catch (err) {
    return afterFailure(ctx, kind, schema, name, prior, errorDiagnostic(err, `Updating ${req.type_name} ${name} failed`, schema.attributes), respond);
  }
}

/**
 * Whatever the cloud now holds goes into state with the error (Terraform then marks a new resource
 * tainted and replaces it next time); only when the cloud holds nothing is the state empty.
 */
async function afterFailure(
  ctx: ProviderContext,
  kind: Kind,
  schema: TfObjectSchema,
  name: string,
  previous: Obj,
  diagnostic: WireDiagnostic,
  respond: (state: Obj | null, resource?: CloudResource, diagnostics?: WireDiagnostic[]) => ApplyResourceChangeResponse,
): Promise<ApplyResourceChangeResponse> {
  const existing = await (await ctx.cloud()).get(kind, name).catch(() => undefined);
  if (!existing) return respond(null, undefined, [diagnostic]);
  // Why it is not ready yet (still waiting in its queue, say), with the id users need to look it up.
  if (existing.status !== 'ready') {
    const why = existing.statusReason ? `${existing.status}: ${existing.statusReason}` : existing.status;
    diagnostic = { ...diagnostic, detail: `${kind} ${name} (id ${existing.id}) is ${why}.\n${diagnostic.detail ?? ''}`.trim() };
  }
  return respond(stateFromCloud(schema, existing, previous), existing, [diagnostic]);
}
