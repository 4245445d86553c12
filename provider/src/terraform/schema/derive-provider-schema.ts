// The provider block: endpoint, token, project, region, each with its AICLOUD_* fallback.
import type { PropertySpec } from '../core-api.ts';
import { deriveAttribute } from './derive-attribute.ts';
import { objectType, type TfObjectSchema } from './tf-attribute.ts';

export function deriveProviderSchema(config: Record<string, PropertySpec>): TfObjectSchema {
  const attributes = Object.entries(config).map(([key, p]) => {
    const attr = deriveAttribute(key, p, { role: 'input' });
    if (p.env?.length) attr.description += ` Falls back to ${p.env.map((e) => `\`${e}\``).join(', ')}.`;
    return attr;
  });
  return {
    description: 'The aicloud provider. With no endpoint it runs against the embedded cloud, a database file in `.aicloud/cloud.db`.',
    attributes,
    blocks: [],
    type: objectType(attributes),
  };
}
