// Drives the provider's handlers the way Terraform does, with values in Terraform's shape.
import { decodeCty, encodeCty } from '../cty/cty-msgpack.ts';
import { createProvider } from '../create-provider.ts';
import type { ProviderHandlers } from '../wire/messages.ts';
import { FakeCloud } from './fake-cloud.ts';

type Obj = Record<string, unknown>;

export function fakeProvider() {
  const cloud = new FakeCloud();
  const { handlers, ctx } = createProvider(async () => cloud);
  const typeOf = (typeName: string) => ctx.schemas.resources.get(typeName)!.schema.type;
  /** A config object with every attribute, as Terraform sends it. */
  const full = (typeName: string, partial: Obj): Obj => decodeCty(encodeCty(partial, typeOf(typeName)), typeOf(typeName)) as Obj;
  const dv = (typeName: string, v: Obj | null) => ({ msgpack: encodeCty(v, typeOf(typeName)) });
  const h = handlers as Required<ProviderHandlers>;

  async function plan(typeName: string, prior: Obj | null, config: Obj | null, priorPrivate?: Uint8Array) {
    const res = await h.PlanResourceChange({
      type_name: typeName,
      prior_state: dv(typeName, prior),
      config: dv(typeName, config && full(typeName, config)),
      prior_private: priorPrivate,
      proposed_new_state: dv(typeName, config && full(typeName, { ...(prior ?? {}), ...config })),
    });
    return { ...res, planned: res.planned_state ? (decodeCty(res.planned_state.msgpack, typeOf(typeName)) as Obj | null) : undefined };
  }

  async function apply(typeName: string, prior: Obj | null, planned: Obj | null, priv?: Uint8Array) {
    const res = await h.ApplyResourceChange({
      type_name: typeName,
      prior_state: dv(typeName, prior),
      planned_state: dv(typeName, planned),
      planned_private: priv,
    });
    return { ...res, state: res.new_state ? (decodeCty(res.new_state.msgpack, typeOf(typeName)) as Obj | null) : undefined };
  }

  async function read(typeName: string, current: Obj) {
    const res = await h.ReadResource({ type_name: typeName, current_state: dv(typeName, current) });
    return { ...res, state: decodeCty(res.new_state?.msgpack, typeOf(typeName)) as Obj | null };
  }

  async function validate(typeName: string, config: Obj) {
    return h.ValidateResourceConfig({ type_name: typeName, config: dv(typeName, full(typeName, config)) });
  }

  /** plan then apply, as `terraform apply` does. */
  async function planAndApply(typeName: string, prior: Obj | null, config: Obj | null, priorPrivate?: Uint8Array) {
    const p = await plan(typeName, prior, config, priorPrivate);
    const a = await apply(typeName, prior, p.planned ?? null, p.planned_private);
    return { plan: p, apply: a };
  }

  return { cloud, handlers: h, ctx, plan, apply, read, validate, planAndApply, full };
}
