import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LineCounter, isMap, parseAllDocuments, type Document, type Node } from 'yaml';
import { API_VERSION, type Manifest, type ManifestDiagnostic } from './manifest.ts';
import { nodeAtPath, positionOf, splitPath } from './source-position.ts';

/** What reading a directory gave: every well-formed manifest and every problem, together. */
export interface LoadResult {
  manifests: Manifest[];
  diagnostics: ManifestDiagnostic[];
  files: string[];
}

const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
const TOP_LEVEL = new Set(['apiVersion', 'kind', 'metadata', 'spec']);
const METADATA = new Set(['name', 'labels', 'annotations']);

/** Lists the YAML files under a directory, sorted, skipping dot-folders (`.github`, `.git`) and node_modules. */
export async function findManifestFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push(path);
    }
  }
  await walk(dir);
  return out.sort();
}

/**
 * Reads every manifest under `dir`. File names in positions are relative to
 * `displayRoot` (default: the directory itself) so messages stay short and
 * reproducible across machines.
 */
export async function loadManifests(dir: string, options: { displayRoot?: string } = {}): Promise<LoadResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return { manifests: [], files: [], diagnostics: [missingDir(dir)] };
  const files = info.isDirectory() ? await findManifestFiles(dir) : [dir];
  const root = options.displayRoot ?? (info.isDirectory() ? dir : join(dir, '..'));
  const result: LoadResult = { manifests: [], diagnostics: [], files };
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const parsed = parseManifests(text, relative(root, file) || file);
    result.manifests.push(...parsed.manifests);
    result.diagnostics.push(...parsed.diagnostics);
  }
  return result;
}

function missingDir(dir: string): ManifestDiagnostic {
  return {
    code: 'MANIFEST_INVALID',
    message: `no such directory: ${dir}`,
    position: { file: dir, line: 1, column: 1 },
    path: '',
    hint: 'pass the directory that holds the stack manifests (YAML files)',
  };
}

/** Parses one file's text; pure, so tests need no file system. */
export function parseManifests(text: string, file: string): { manifests: Manifest[]; diagnostics: ManifestDiagnostic[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const manifests: Manifest[] = [];
  const diagnostics: ManifestDiagnostic[] = [];
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const docDiagnostics = checkDocument(doc, file, lineCounter);
    if (docDiagnostics.syntax) {
      diagnostics.push(...docDiagnostics.list);
      continue;
    }
    if (doc.contents == null) continue; // an empty document between `---` separators
    diagnostics.push(...docDiagnostics.list);
    if (docDiagnostics.list.length === 0) manifests.push(toManifest(doc, docDiagnostics.value, file, lineCounter));
  }
  return { manifests, diagnostics };
}

function checkDocument(doc: Document.Parsed, file: string, lc: LineCounter): { syntax: boolean; list: ManifestDiagnostic[]; value?: Record<string, unknown> } {
  if (doc.errors.length > 0) {
    return {
      syntax: true,
      list: doc.errors.map((error) => {
        const { line, col } = lc.linePos(error.pos[0]);
        return {
          code: 'MANIFEST_INVALID',
          message: firstLine(error.message),
          position: { file, line, column: col },
          path: '',
          hint: 'fix the YAML syntax; every document needs apiVersion, kind, metadata and spec',
        };
      }),
    };
  }
  const list: ManifestDiagnostic[] = [];
  const root = doc.contents as Node | null;
  if (root == null) return { syntax: false, list };
  const at = (path: string): ManifestDiagnostic['position'] => positionOf(file, lc, nodeAtPath(root, splitPath(path)), root.range?.[0]);
  const push = (code: string, path: string, message: string, hint: string, value?: unknown): void => {
    list.push({ code, path, message, hint, position: at(path), ...(value === undefined ? {} : { value }) });
  };
  if (!isMap(root)) {
    push('MANIFEST_INVALID', '', 'a manifest must be a mapping', 'start the document with `apiVersion: aicloud.dev/v1`');
    return { syntax: false, list };
  }
  const value = doc.toJS() as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.has(key)) push('UNKNOWN_FIELD', key, `unknown top-level field "${key}"`, 'a manifest has only apiVersion, kind, metadata and spec', value[key]);
  }
  if (value.apiVersion !== API_VERSION) {
    push('INVALID_VALUE', 'apiVersion', `apiVersion must be ${API_VERSION}`, `write \`apiVersion: ${API_VERSION}\``, value.apiVersion);
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    push('MISSING_FIELD', 'kind', 'kind is missing', 'set kind to Cluster, Volume, FileSystem, Bucket, KvCachePool or ModelEndpoint', value.kind);
  }
  const metadata = value.metadata;
  if (!isRecord(metadata)) {
    push('MISSING_FIELD', 'metadata', 'metadata is missing', 'add `metadata: { name: <name> }`', metadata);
  } else {
    for (const key of Object.keys(metadata)) {
      if (!METADATA.has(key)) push('UNKNOWN_FIELD', `metadata.${key}`, `unknown metadata field "${key}"`, 'metadata has only name, labels and annotations', metadata[key]);
    }
    if (typeof metadata.name !== 'string' || !NAME_PATTERN.test(metadata.name)) {
      push('INVALID_FORMAT', 'metadata.name', 'metadata.name must be a lowercase DNS label', 'use lowercase letters, digits and dashes, 2 to 63 characters', metadata.name);
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
  } else if (isRecord(value.spec) && 'name' in value.spec) {
    push('UNKNOWN_FIELD', 'spec.name', 'spec.name is not allowed', 'the name comes from metadata.name', value.spec.name);
  }
  return { syntax: false, list, value };
}

function toManifest(doc: Document.Parsed, parsed: Record<string, unknown> | undefined, file: string, lc: LineCounter): Manifest {
  const value = parsed ?? (doc.toJS() as Record<string, unknown>);
  const metadata = value.metadata as Record<string, unknown>;
  const root = doc.contents as Node;
  return {
    apiVersion: String(value.apiVersion),
    kind: String(value.kind),
    name: String(metadata.name),
    labels: { ...((metadata.labels as Record<string, string> | undefined) ?? {}) },
    annotations: { ...((metadata.annotations as Record<string, string> | undefined) ?? {}) },
    spec: { ...((value.spec as Record<string, unknown> | undefined) ?? {}) },
    source: positionOf(file, lc, root),
    positionOf: (path: string) => positionOf(file, lc, nodeAtPath(root, splitPath(path)), root.range?.[0]),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
