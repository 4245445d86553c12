import { readFile } from 'node:fs/promises';
import { providerPb } from '../proto.ts';
import type { ProviderRpcs } from '../rpcs.ts';

/** The schema is read on demand: only `pulumi package get-schema` and code generators ask for it. */
export function getSchemaRpc(schemaPath: URL): NonNullable<ProviderRpcs['getSchema']> {
  let cached: Promise<string> | undefined;
  return async () => {
    cached ??= readFile(schemaPath, 'utf8');
    const res = new providerPb.GetSchemaResponse();
    res.setSchema(await cached);
    return res;
  };
}
