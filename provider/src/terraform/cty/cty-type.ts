// cty types as the protocol spells them: Terraform sends and expects JSON type expressions.

/** A cty type; objects keep attribute order so encodings are stable. */
export type CtyType = 'string' | 'number' | 'bool' | { list: CtyType } | { set: CtyType } | { map: CtyType } | { object: Record<string, CtyType> };

/** The JSON type expression Terraform expects in `Schema.Attribute.type`. */
export function ctyTypeJson(type: CtyType): unknown {
  if (typeof type === 'string') return type;
  if ('list' in type) return ['list', ctyTypeJson(type.list)];
  if ('set' in type) return ['set', ctyTypeJson(type.set)];
  if ('map' in type) return ['map', ctyTypeJson(type.map)];
  return ['object', Object.fromEntries(Object.entries(type.object).map(([k, v]) => [k, ctyTypeJson(v)]))];
}
