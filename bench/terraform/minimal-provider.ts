// The baseline for the benchmark: a provider with one trivial resource, served by the same protocol
// layer as the aicloud provider but doing no validation and no cloud calls, so the difference is what
// the core and the client cost per resource.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { decodeCty, decodeCtyJson, encodeCty } from '../../provider/src/terraform/cty/cty-msgpack.ts';
import type { CtyType } from '../../provider/src/terraform/cty/cty-type.ts';
import { ctyTypeJson } from '../../provider/src/terraform/cty/cty-type.ts';
import { TF_UNKNOWN } from '../../provider/src/terraform/cty/unknown-value.ts';
import { servePlugin } from '../../provider/src/terraform/server/serve-plugin.ts';
import type { ProviderHandlers, WireSchema } from '../../provider/src/terraform/wire/messages.ts';

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

const handlers: ProviderHandlers = {
  GetProviderSchema: () => ({
    provider: { version: 0, block: { version: 0, attributes: [], block_types: [], description: '' } },
    resource_schemas: { minimal_item: itemSchema },
    data_source_schemas: {},
    server_capabilities: { get_provider_schema_optional: true },
  }),
  ValidateProviderConfig: async () => ({}),
  ConfigureProvider: async () => ({}),
  ValidateResourceConfig: async () => ({}),
  UpgradeResourceState: async (req) => ({
    upgraded_state: { msgpack: encodeCty(decodeCtyJson(req.raw_state?.json, ITEM), ITEM) },
  }),
  ReadResource: async (req) => ({ new_state: req.current_state }),
  PlanResourceChange: async (req) => {
    const proposed = decodeCty(req.proposed_new_state?.msgpack, ITEM) as Record<string, unknown> | null;
    if (!proposed) return { planned_state: req.proposed_new_state };
    const prior = decodeCty(req.prior_state?.msgpack, ITEM) as Record<string, unknown> | null;
    return { planned_state: { msgpack: encodeCty({ ...proposed, id: prior?.id ?? TF_UNKNOWN }, ITEM) } };
  },
  ApplyResourceChange: async (req) => {
    const planned = decodeCty(req.planned_state?.msgpack, ITEM) as Record<string, unknown> | null;
    if (!planned) return { new_state: { msgpack: encodeCty(null, ITEM) } };
    if (LATENCY_MS > 0) await delay(LATENCY_MS);
    const id = typeof planned.id === 'string' ? planned.id : randomUUID();
    return { new_state: { msgpack: encodeCty({ ...planned, id }, ITEM) } };
  },
  StopProvider: async () => ({}),
};

export async function main(): Promise<void> {
  await servePlugin(handlers);
}
