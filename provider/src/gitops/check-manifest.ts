import { KINDS } from '../../../core/index.ts';
import { API_VERSION, type ManifestDiagnostic } from './manifest.ts';

/** A structural problem of one document, before it is given a position. */
export type ManifestProblem = Omit<ManifestDiagnostic, 'position'>;

const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
const TOP_LEVEL = new Set(['apiVersion', 'kind', 'metadata', 'spec']);
const METADATA = new Set(['name', 'labels', 'annotations']);

/**
 * The envelope every manifest must have (apiVersion, kind, metadata, spec),
 * checked on the plain value so the fast and the full YAML paths share one
 * rule set; the caller attaches positions. The kind's own inputs are the core's business.
 */
export function checkManifestValue(value: Record<string, unknown>): ManifestProblem[] {
  const list: ManifestProblem[] = [];
  const push = (code: string, path: string, message: string, hint: string, got?: unknown): void => {
    list.push({ code, path, message, hint, ...(got === undefined ? {} : { value: got }) });
  };
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.has(key))
      push('UNKNOWN_FIELD', key, `unknown top-level field "${key}"`, 'a manifest has only apiVersion, kind, metadata and spec', value[key]);
  }
  if (value.apiVersion !== API_VERSION) {
    push('INVALID_VALUE', 'apiVersion', `apiVersion must be ${API_VERSION}`, `write \`apiVersion: ${API_VERSION}\``, value.apiVersion);
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    push('MISSING_FIELD', 'kind', 'kind is missing', `set kind to one of ${KINDS.join(', ')}`, value.kind);
  }
  const metadata = value.metadata;
  if (!isRecord(metadata)) {
    push('MISSING_FIELD', 'metadata', 'metadata is missing', 'add `metadata: { name: <name> }`', metadata);
  } else {
    for (const key of Object.keys(metadata)) {
      if (!METADATA.has(key))
        push('UNKNOWN_FIELD', `metadata.${key}`, `unknown metadata field "${key}"`, 'metadata has only name, labels and annotations', metadata[key]);
    }
    if (typeof metadata.name !== 'string' || !NAME_PATTERN.test(metadata.name)) {
      push(
        'INVALID_FORMAT',
        'metadata.name',
        'metadata.name must be a lowercase DNS label',
        'use lowercase letters, digits and dashes, 2 to 63 characters',
        metadata.name,
      );
    }
    for (const field of ['labels', 'annotations'] as const) {
      const map = metadata[field];
      if (map === undefined) continue;
      if (!isRecord(map)) {
        push('INVALID_TYPE', `metadata.${field}`, `metadata.${field} must be a map of strings`, 'quote values such as "true" so they stay strings', map);
        continue;
      }
      for (const [key, entry] of Object.entries(map)) {
        if (typeof entry !== 'string') {
          push('INVALID_TYPE', `metadata.${field}.${key}`, `metadata.${field}.${key} must be a string`, `quote it: "${String(entry)}"`, entry);
        }
      }
    }
  }
  if (value.spec === undefined) {
    push('MISSING_FIELD', 'spec', 'spec is missing', 'add `spec:` with the inputs of the kind (docs/manifests.md)');
  } else if (!isRecord(value.spec)) {
    push('INVALID_TYPE', 'spec', 'spec must be a mapping', 'spec holds the inputs of the kind', value.spec);
  } else if ('name' in value.spec) {
    push('UNKNOWN_FIELD', 'spec.name', 'spec.name is not allowed', 'the name comes from metadata.name', value.spec.name);
  }
  return list;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
