import { KIND_SPECS, KINDS, type Kind } from './generated/registry.ts';
import type { KindSpec, PropertySpec } from './registry-types.ts';

/** A kind's schema facts plus the derived lists every front end asks for. */
export interface KindInfo extends KindSpec {
  kind: Kind;
  /** Input paths whose change forces replacement (top-level names and nested dotted paths). */
  replaceOnChanges: string[];
  /** Output names that are secret (the endpoint's apiKey). */
  secretOutputs: string[];
  /** Input paths that hold the name of another resource, and which kind. */
  references: { path: string; kind: Kind; external?: boolean }[];
}

function walk(props: Record<string, PropertySpec>, prefix: string, visit: (path: string, p: PropertySpec) => void) {
  for (const [k, p] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${k}` : k;
    visit(path, p);
    if (p.type === 'object' && p.properties) walk(p.properties, path, visit);
  }
}

const INFO = new Map<Kind, KindInfo>();
const BY_TOKEN = new Map<string, Kind>();
const BY_COLLECTION = new Map<string, Kind>();
const BY_TF = new Map<string, Kind>();

for (const kind of KINDS) {
  const spec = KIND_SPECS[kind];
  const replaceOnChanges: string[] = [];
  const references: { path: string; kind: Kind; external?: boolean }[] = [];
  walk(spec.inputs, '', (path, p) => {
    if (p.replaceOnChanges) replaceOnChanges.push(path);
    if (p.references) references.push({ path, kind: p.references.split(':')[2] as Kind, ...(p.referencesExternal ? { external: true } : {}) });
  });
  const secretOutputs = Object.entries(spec.outputs)
    .filter(([, p]) => p.secret)
    .map(([k]) => k);
  INFO.set(kind, { ...spec, kind, replaceOnChanges, secretOutputs, references });
  BY_TOKEN.set(spec.token, kind);
  BY_COLLECTION.set(spec.collection, kind);
  BY_TF.set(spec.tfType, kind);
}

export function kindInfo(kind: Kind): KindInfo {
  const info = INFO.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

export function isKind(s: unknown): s is Kind {
  return typeof s === 'string' && INFO.has(s as Kind);
}

export const kindFromToken = (token: string): Kind | undefined => BY_TOKEN.get(token);
export const kindFromCollection = (collection: string): Kind | undefined => BY_COLLECTION.get(collection);
export const kindFromTfType = (tfType: string): Kind | undefined => BY_TF.get(tfType);
