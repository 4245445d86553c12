// ReadDataSource: aicloud_capacity asks the cloud; aicloud_accelerator_types reads the catalogue the
// cloud's inventory is built from.
import { ACCELERATOR_TYPES } from '../core-api.ts';
import { decodeCty, encodeCty } from '../cty/cty-msgpack.ts';
import type { ProviderContext } from '../provider-context.ts';
import { errorDiagnostic } from '../wire/diagnostics.ts';
import type { ReadDataSourceRequest, ReadDataSourceResponse } from '../wire/messages.ts';
import { cloudToTf } from '../wire/tf-value.ts';
import { dataSourceEntry, isDiagnostic } from './lookup.ts';

type Obj = Record<string, unknown>;

/** The capacity route answers `{ zones: [...] }`; each entry is one zone and accelerator type. */
function capacityRows(body: unknown): Obj[] {
  const rows = Array.isArray(body) ? body : (body as { zones?: unknown })?.zones;
  return Array.isArray(rows) ? (rows as Obj[]) : [];
}

export async function readDataSource(ctx: ProviderContext, req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
  const entry = dataSourceEntry(ctx, req.type_name);
  if (isDiagnostic(entry)) return { diagnostics: [entry] };
  const { schema } = entry;
  const config = (decodeCty(req.config?.msgpack, schema.type) ?? {}) as Obj;
  const out: Obj = { ...config };
  const typeOf = (name: string) => schema.attributes.find((a) => a.name === name)!.type;
  try {
    if (req.type_name === 'aicloud_capacity') {
      const zone = typeof config.zone === 'string' ? config.zone : undefined;
      const acceleratorType = typeof config.accelerator_type === 'string' ? config.accelerator_type : undefined;
      const rows = capacityRows(await (await ctx.cloud()).capacity({ zone, acceleratorType })).filter(
        (r) => (!zone || r.zone === zone) && (!acceleratorType || r.acceleratorType === acceleratorType),
      );
      out.zones = cloudToTf(rows, typeOf('zones'));
    } else {
      const types = Object.values(ACCELERATOR_TYPES).map((t) => ({
        name: t.name,
        vendor: t.vendor,
        memoryGib: t.memoryGib,
        bf16Tflops: t.bf16Tflops,
        acceleratorsPerServer: t.acceleratorsPerServer,
        interconnect: t.interconnect,
        pricePerHour: t.pricePerHour,
      }));
      out.types = cloudToTf(types, typeOf('types'));
    }
    return { state: { msgpack: encodeCty(out, schema.type) } };
  } catch (err) {
    return { diagnostics: [errorDiagnostic(err, `Reading ${req.type_name} failed`)] };
  }
}
