// A resource's Terraform schema, derived from the core's kind registry.
import type { KindInfo } from '../core-api.ts';
import { deriveAttribute } from './derive-attribute.ts';
import { TIMEOUTS_BLOCK } from './timeouts-block.ts';
import { objectType, type TfAttribute, type TfObjectSchema } from './tf-attribute.ts';

/**
 * Inputs keep the schema's required/optional split; an optional input becomes optional+computed when
 * the cloud can decide it (a default, the region from the zone, an output the schema marks required),
 * so a plan can show the value that will be used. Outputs are computed; `id` is the cloud's id.
 */
export function deriveResourceSchema(info: KindInfo): TfObjectSchema {
  const required = new Set(info.requiredInputs);
  const decidedByCloud = new Set(info.requiredOutputs);
  const replaces = new Set(info.replaceOnChanges);
  const attributes: TfAttribute[] = [
    { name: 'id', key: '', description: 'Identifier the cloud gave the resource.', computed: true, type: 'string', role: 'id' },
  ];
  for (const [key, p] of Object.entries(info.inputs)) {
    attributes.push(
      deriveAttribute(key, p, {
        role: 'input',
        required: required.has(key),
        computed: p.default !== undefined || key === 'region' || decidedByCloud.has(key),
        replaces: replaces.has(key),
      }),
    );
  }
  for (const [key, p] of Object.entries(info.outputs)) {
    if (key in info.inputs) continue;
    attributes.push(deriveAttribute(key, p, { role: 'output', outputOnly: true, sensitive: info.secretOutputs.includes(key) }));
  }
  const blocks = [TIMEOUTS_BLOCK];
  return { description: info.description, attributes, blocks, type: objectType(attributes, blocks) };
}
