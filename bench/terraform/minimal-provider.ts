// The baseline for the benchmark: a provider with one trivial resource, served by the same protocol
// layer as the aicloud provider but doing no validation and no cloud calls, so the difference is what
// the core and the client cost per resource. With MINIMAL_SHAPE_FILE (see shape-file.ts) it also
// serves `minimal_shaped`, a resource with an aicloud resource's schema shape that does equally little.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { decodeCty, decodeCtyJson, encodeCty } from '../../provider/src/terraform/cty/cty-msgpack.ts';
import type { CtyType } from '../../provider/src/terraform/cty/cty-type.ts';
import { ctyTypeJson } from '../../provider/src/terraform/cty/cty-type.ts';
import { TF_UNKNOWN, TfUnknown } from '../../provider/src/terraform/cty/unknown-value.ts';
import { servePlugin } from '../../provider/src/terraform/server/serve-plugin.ts';
import type { ProviderHandlers, WireBlock, WireSchema } from '../../provider/src/terraform/wire/messages.ts';

/** Simulated round trip to a cloud per create, so the baseline can be compared at a given latency. */
const LATENCY_MS = Number(process.env.MINIMAL_LATENCY_MS ?? 0);

const ITEM: CtyType = { object: { id: 'string', name: 'string' } };
const itemSchema: WireSchema = {
  version: 0,
  block: {
    version: 0,
    description: 'A trivial resource.',
    block_types: [],
    attributes: [
      { name: 'id', type: Buffer.from(JSON.stringify(ctyTypeJson('string'))), description: 'Id.', computed: true },
      { name: 'name', type: Buffer.from(JSON.stringify(ctyTypeJson('string'))), description: 'Name.', required: true },
    ],
  },
};

interface Shaped {
  type: CtyType;
  schema: WireSchema;
  computed: string[];
}

function loadShape(file: string | undefined): Shaped | undefined {
  if (!file) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { ctyType: CtyType; block: WireBlock };
  const fromText = (b: WireBlock): WireBlock => ({
    ...b,
    attributes: b.attributes.map((a) => ({ ...a, type: a.type === undefined ? undefined : Buffer.from(a.type as unknown as string) })),
    block_types: b.block_types.map((t) => ({ ...t, block: fromText(t.block) })),
  });
  const block = fromText(raw.block);
  return { type: raw.ctyType, schema: { version: 0, block }, computed: block.attributes.filter((a) => a.computed).map((a) => a.name) };
}

const SHAPED = loadShape(process.env.MINIMAL_SHAPE_FILE);

/** A value of the right type for a computed attribute the "cloud" decided. */
function decided(type: CtyType): unknown {
  if (type === 'string') return 'x';
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if ('map' in type) return {};
  if ('list' in type || 'set' in type) return [];
  return null;
}

const shapedHandlers = (shape: Shaped): Pick<ProviderHandlers, 'PlanResourceChange' | 'ApplyResourceChange' | 'UpgradeResourceState'> => {
  const fields = (shape.type as { object: Record<string, CtyType> }).object;
  return {
    UpgradeResourceState: async (req) => ({ upgraded_state: { msgpack: encodeCty(decodeCtyJson(req.raw_state?.json, shape.type), shape.type) } }),
    PlanResourceChange: async (req) => {
      const proposed = decodeCty(req.proposed_new_state?.msgpack, shape.type) as Record<string, unknown> | null;
      if (!proposed) return { planned_state: req.proposed_new_state };
      const planned = { ...proposed };
      for (const name of shape.computed) if (planned[name] === null) planned[name] = TF_UNKNOWN;
      return { planned_state: { msgpack: encodeCty(planned, shape.type) } };
    },
    ApplyResourceChange: async (req) => {
      const planned = decodeCty(req.planned_state?.msgpack, shape.type) as Record<string, unknown> | null;
      if (!planned) return { new_state: { msgpack: encodeCty(null, shape.type) } };
      if (LATENCY_MS > 0) await delay(LATENCY_MS);
      const state = { ...planned };
      for (const name of shape.computed) if (state[name] instanceof TfUnknown) state[name] = name === 'id' ? randomUUID() : decided(fields[name]!);
      return { new_state: { msgpack: encodeCty(state, shape.type) } };
    },
  };
};

/** Dispatches on the resource type, so both resources share one process as aicloud's do. */
function byType<K extends 'PlanResourceChange' | 'ApplyResourceChange' | 'UpgradeResourceState'>(
  key: K,
  item: NonNullable<ProviderHandlers[K]>,
): NonNullable<ProviderHandlers[K]> {
  if (!SHAPED) return item;
  const shaped = shapedHandlers(SHAPED)[key]!;
  return ((req: { type_name: string }) => (req.type_name === 'minimal_shaped' ? shaped : item)(req as never)) as NonNullable<ProviderHandlers[K]>;
}

const handlers: ProviderHandlers = {
  GetProviderSchema: () => ({
    provider: { version: 0, block: { version: 0, attributes: [], block_types: [], description: '' } },
    resource_schemas: { minimal_item: itemSchema, ...(SHAPED ? { minimal_shaped: SHAPED.schema } : {}) },
    data_source_schemas: {},
    server_capabilities: { get_provider_schema_optional: true },
  }),
  ValidateProviderConfig: async () => ({}),
  ConfigureProvider: async () => ({}),
  ValidateResourceConfig: async () => ({}),
  UpgradeResourceState: byType('UpgradeResourceState', async (req) => ({
    upgraded_state: { msgpack: encodeCty(decodeCtyJson(req.raw_state?.json, ITEM), ITEM) },
  })),
  ReadResource: async (req) => ({ new_state: req.current_state }),
  PlanResourceChange: byType('PlanResourceChange', async (req) => {
    const proposed = decodeCty(req.proposed_new_state?.msgpack, ITEM) as Record<string, unknown> | null;
    if (!proposed) return { planned_state: req.proposed_new_state };
    const prior = decodeCty(req.prior_state?.msgpack, ITEM) as Record<string, unknown> | null;
    return { planned_state: { msgpack: encodeCty({ ...proposed, id: prior?.id ?? TF_UNKNOWN }, ITEM) } };
  }),
  ApplyResourceChange: byType('ApplyResourceChange', async (req) => {
    const planned = decodeCty(req.planned_state?.msgpack, ITEM) as Record<string, unknown> | null;
    if (!planned) return { new_state: { msgpack: encodeCty(null, ITEM) } };
    if (LATENCY_MS > 0) await delay(LATENCY_MS);
    const id = typeof planned.id === 'string' ? planned.id : randomUUID();
    return { new_state: { msgpack: encodeCty({ ...planned, id }, ITEM) } };
  }),
  StopProvider: async () => ({}),
};

export async function main(): Promise<void> {
  await servePlugin(handlers);
}
