import {
  clusterNameOf,
  clusterTypeContext,
  clusterTypesOf,
  isKind,
  KINDS,
  kindInfo,
  validate,
  type Diagnostic,
  type Kind,
  type ValidateContext,
} from '../../../core/index.ts';
import { DependencyGraph, type DesiredResource } from '../plan/index.ts';
import { copyFields } from './copy-fields.ts';
import { ADDRESS_LABEL, PROTECT_ANNOTATION, STACK_LABEL, addressOf, type Manifest, type ManifestDiagnostic } from './manifest.ts';
import { formatPosition, splitPath } from './source-position.ts';

/** The stack as the manifests declare it: validated resources in dependency order, or every problem found. */
export interface ResolvedStack {
  desired: DesiredResource[];
  diagnostics: ManifestDiagnostic[];
  warnings: ManifestDiagnostic[];
}

export interface ResolveOptions {
  stack: string;
  /** The provider's default region, for resources that set neither region nor zone. */
  defaultRegion?: string;
  /**
   * The type each of the stack's existing clusters runs on, by name (the `acceleratorType` output): a
   * cluster listing several types that has started is checked as that type, not as every listed one.
   */
  chosenTypes?: ReadonlyMap<string, string>;
}

const MANAGED_PREFIX = 'aicloud.dev/';

/**
 * Validates each manifest with the core and resolves references between them.
 * Reference fields are the ones the schema marks with `x-references`; their
 * value is the plain name of a resource of the stack, and each becomes a dependency.
 */
export function resolveStack(manifests: readonly Manifest[], options: ResolveOptions): ResolvedStack {
  const diagnostics: ManifestDiagnostic[] = [];
  const warnings: ManifestDiagnostic[] = [];
  const byAddress = new Map<string, Manifest>();
  const typed: { manifest: Manifest; kind: Kind; address: string }[] = [];

  for (const manifest of manifests) {
    if (!isKind(manifest.kind)) {
      diagnostics.push({
        code: 'INVALID_VALUE',
        path: 'kind',
        value: manifest.kind,
        message: `unknown kind "${manifest.kind}"`,
        hint: `use one of ${KINDS.join(', ')}`,
        position: manifest.positionOf('kind'),
      });
      continue;
    }
    const address = addressOf(manifest.kind, manifest.name);
    const first = byAddress.get(address);
    if (first) {
      diagnostics.push({
        code: 'DUPLICATE_NAME',
        path: 'metadata.name',
        value: manifest.name,
        message: `${address} is declared twice (first at ${formatPosition(first.positionOf('metadata.name'))})`,
        hint: 'give each resource of a kind its own name, or remove one of the documents',
        position: manifest.positionOf('metadata.name'),
      });
      continue;
    }
    byAddress.set(address, manifest);
    typed.push({ manifest, kind: manifest.kind, address });
  }

  const graph = new DependencyGraph();
  const referenceSites = new Map<string, { manifest: Manifest; path: string }>();
  const dependsOn = new Map<string, string[]>();
  for (const { manifest, kind, address } of typed) {
    graph.addNode(address);
    const deps: string[] = [];
    for (const ref of kindInfo(kind).references) {
      const value = readPath(manifest.spec, ref.path);
      if (typeof value !== 'string') continue; // missing or mistyped: validation reports it
      const target = addressOf(ref.kind, value);
      const path = `spec.${ref.path}`;
      if (!byAddress.has(target)) {
        // A shared queue lives in another stack; the control plane checks that it exists.
        if (ref.external) continue;
        diagnostics.push({
          code: 'DANGLING_REFERENCE',
          path,
          value,
          message: `names ${target}, which the stack does not declare`,
          hint: suggestTarget(ref.kind, value, byAddress) ?? `declare a ${ref.kind} named "${value}" in the stack, or fix the name`,
          position: manifest.positionOf(path),
        });
        continue;
      }
      graph.addEdge(address, target);
      referenceSites.set(`${address}->${target}`, { manifest, path });
      deps.push(target);
    }
    dependsOn.set(address, [...new Set(deps)].sort());
  }
  const cycle = graph.findCycle();
  if (cycle) {
    const site = referenceSites.get(`${cycle[0]}->${cycle[1]}`)!;
    diagnostics.push({
      code: 'REFERENCE_CYCLE',
      path: site.path,
      message: `references form a cycle: ${cycle.join(' -> ')}`,
      hint: 'references must form a tree; remove one of them',
      position: site.manifest.positionOf(site.path),
    });
  }

  const desired: { resource: DesiredResource; address: string }[] = [];
  for (const { manifest, kind, address } of typed) {
    const own = checkOwnFields(manifest);
    if (own.length > 0) {
      diagnostics.push(...own);
      continue;
    }
    const protect = manifest.annotations[PROTECT_ANNOTATION] === 'true';
    const labels = copyFields(manifest.labels);
    labels[STACK_LABEL] = options.stack;
    labels[ADDRESS_LABEL] = address;
    if (protect) labels[PROTECT_ANNOTATION] = 'true';
    const inputs = copyFields(manifest.spec);
    inputs.name = manifest.name;
    inputs.labels = labels;
    const result = validate(kind, inputs, validateContext(kind, manifest, byAddress, options));
    if (!result.ok) {
      diagnostics.push(...result.diagnostics.map((d) => fromCore(manifest, d)));
      continue;
    }
    warnings.push(...result.warnings.map((d) => fromCore(manifest, d)));
    const resource: DesiredResource = {
      kind,
      name: manifest.name,
      inputs: result.value as unknown as Record<string, unknown>,
      dependsOn: dependsOn.get(address) ?? [],
      protect,
      source: manifest.source,
    };
    desired.push({ resource, address });
  }
  if (diagnostics.length > 0) return { desired: [], diagnostics: sortDiagnostics(diagnostics), warnings };
  const rank = new Map(graph.topologicalOrder().map((address, i) => [address, i]));
  desired.sort((a, b) => rank.get(a.address)! - rank.get(b.address)!);
  return { desired: desired.map((d) => d.resource), diagnostics: [], warnings };
}

/** Labels under `aicloud.dev/` are written by the stack itself; letting users set them would let a manifest claim another stack's resource. */
function checkOwnFields(manifest: Manifest): ManifestDiagnostic[] {
  const out: ManifestDiagnostic[] = [];
  for (const key of Object.keys(manifest.labels)) {
    if (key.startsWith(MANAGED_PREFIX)) {
      const path = `metadata.labels["${key}"]`;
      out.push({
        code: 'INVALID_VALUE',
        path,
        value: manifest.labels[key],
        message: `label ${key} is managed by aicloud`,
        hint: `remove it; for protection use the annotation ${PROTECT_ANNOTATION}: "true"`,
        position: manifest.positionOf(path),
      });
    }
  }
  if ('labels' in manifest.spec) {
    out.push({
      code: 'UNKNOWN_FIELD',
      path: 'spec.labels',
      message: 'labels belong in metadata.labels',
      hint: 'move them to metadata.labels',
      position: manifest.positionOf('spec.labels'),
    });
  }
  const protect = manifest.annotations[PROTECT_ANNOTATION];
  if (protect !== undefined && protect !== 'true' && protect !== 'false') {
    const path = `metadata.annotations["${PROTECT_ANNOTATION}"]`;
    out.push({
      code: 'INVALID_VALUE',
      path,
      value: protect,
      message: `${PROTECT_ANNOTATION} must be "true" or "false"`,
      hint: 'quote the value: "true"',
      position: manifest.positionOf(path),
    });
  }
  return out;
}

/**
 * The provider's default region, and for endpoints and pools the accelerators
 * of the cluster they name, when the stack declares it: its one type, or each
 * type of its `acceleratorTypes` until it has started on one (`chosenTypes`).
 */
function validateContext(kind: Kind, manifest: Manifest, byAddress: Map<string, Manifest>, options: ResolveOptions): ValidateContext {
  const ctx: ValidateContext = {};
  if (options.defaultRegion) ctx.defaultRegion = options.defaultRegion;
  // The core says which kinds run on a cluster: validated against its type, placed in its region.
  const cluster = clusterNameOf(kind, manifest.spec);
  if (cluster === undefined) return ctx;
  const spec = byAddress.get(addressOf('Cluster', cluster))?.spec;
  if (spec === undefined) return ctx;
  // A cluster listing several types may start on any of them: the resource is checked against each.
  const chosen = options.chosenTypes?.get(cluster);
  Object.assign(ctx, clusterTypeContext(clusterTypesOf(spec, chosen !== undefined ? { acceleratorType: chosen } : undefined)));
  if (typeof spec.region === 'string') ctx.clusterRegion = spec.region;
  return ctx;
}

function fromCore(manifest: Manifest, d: Diagnostic): ManifestDiagnostic {
  const path = documentPath(d.path);
  return {
    code: d.code,
    path,
    message: d.message,
    position: manifest.positionOf(path),
    ...('value' in d ? { value: d.value } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

/** Maps an inputs path (`nodeCount`, `name`, `labels.team`) to where it is written in a manifest. */
function documentPath(path: string): string {
  const first = splitPath(path)[0];
  if (first === 'name') return `metadata.${path}`;
  if (first === 'labels') return `metadata.${path}`;
  return path ? `spec.${path}` : 'spec';
}

/** Reference paths are few and fixed by the schema; splitting each once matters at ten thousand manifests. */
const splitCache = new Map<string, (string | number)[]>();

function readPath(value: Record<string, unknown>, path: string): unknown {
  let segments = splitCache.get(path);
  if (!segments) {
    segments = splitPath(path);
    splitCache.set(path, segments);
  }
  let node: unknown = value;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function suggestTarget(kind: string, value: string, byAddress: Map<string, Manifest>): string | undefined {
  const names = [...byAddress.values()].filter((m) => m.kind === kind).map((m) => m.name);
  if (names.length === 0) return `the stack declares no ${kind}; add one named "${value}"`;
  return `declared ${kind} names: ${names.sort().join(', ')}`;
}

function sortDiagnostics(list: ManifestDiagnostic[]): ManifestDiagnostic[] {
  return list.sort((a, b) => a.position.file.localeCompare(b.position.file) || a.position.line - b.position.line || a.position.column - b.position.column);
}
