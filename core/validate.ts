import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { didYouMean } from './did-you-mean.ts';
import { error, showValue, type Diagnostic } from './diagnostics.ts';
import { getAt, joinPath, pointerSegments } from './field-path.ts';
import type { InputsByKind, Kind } from './generated/registry.ts';
import { KIND_RULES, runsOnCluster } from './kinds/index.ts';
import { checkOnEveryType } from './kinds/open-cluster-types.ts';
import { kindInfo } from './kinds-registry.ts';
import type { PropertySpec } from './registry-types.ts';
import { containsUnknown, UNKNOWN } from './unknown.ts';

/** What validation may use besides the inputs. */
export interface ValidateContext {
  /** Region to use when the inputs set none (the provider's `region`). */
  defaultRegion?: string;
  /** Accept unknown values (UNKNOWN) anywhere, as Pulumi previews and Terraform plans send them. */
  allowUnknown?: boolean;
  /** Accelerator type of the cluster the resource runs on, when known; enables runtime and memory checks. */
  acceleratorType?: string;
  /**
   * The types a cluster whose type is still open may start on (it lists several and has not started):
   * the resource must pass the type checks on each (`clusterTypesOf`, `clusterTypeContext`).
   */
  acceleratorTypes?: readonly string[];
  /**
   * Region of the cluster the resource runs on (kinds that name a cluster), when known: such a resource
   * lives where its cluster does, so this comes before `defaultRegion`. The cloud and every front end
   * pass it, so an endpoint's region is decided the same way everywhere.
   */
  clusterRegion?: string;
}

export type Validation<K extends Kind = Kind> = { ok: true; value: InputsByKind[K]; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const compiled = new Map<Kind, ValidateFunction>();

function validator(kind: Kind): ValidateFunction {
  let fn = compiled.get(kind);
  if (!fn) {
    fn = ajv.compile(kindInfo(kind).inputSchema);
    compiled.set(kind, fn);
  }
  return fn;
}

const LABEL_KEY = /^([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^[^\u0000-\u001f\u007f]{0,256}$/;

/**
 * Checks and defaults a resource's inputs. This is the only place that decides whether inputs are
 * acceptable: the API, the GitOps loader, Pulumi's Check and Terraform's ValidateResourceConfig all call it.
 * Never throws on content: every problem comes back as a diagnostic naming the field and the value.
 */
export function validate<K extends Kind>(kind: K, inputs: unknown, ctx: ValidateContext = {}): Validation<K> {
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) {
    return { ok: false, diagnostics: [error('INVALID_BODY', '', `inputs of ${kind} must be an object, got ${showValue(inputs)}`, { value: inputs })] };
  }
  const unknownPaths: (string | number)[][] = [];
  let value: Record<string, unknown>;
  try {
    value = stripUnknowns(inputs, [], unknownPaths) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    const at = joinPath(e.path.slice(0, 4));
    return {
      ok: false,
      diagnostics: [
        error('INVALID_BODY', at, `inputs nest deeper than ${MAX_INPUT_DEPTH} levels below ${at}`, {
          hint: 'No aicloud input nests that deep; check the structure.',
        }),
      ],
    };
  }
  if (unknownPaths.length && !ctx.allowUnknown) {
    return {
      ok: false,
      diagnostics: unknownPaths.map((p) =>
        error('INVALID_VALUE', joinPath(p), 'value is not known yet', { hint: 'Unknown values are only accepted during a preview or plan.' }),
      ),
    };
  }
  const isUnknownAt = (segments: (string | number)[]) => unknownPaths.some((u) => u.length <= segments.length && u.every((s, i) => s === segments[i]));

  // Queues belong to a project, not a region; every other kind lives in one.
  const regional = 'region' in kindInfo(kind).inputs;
  if (regional && value.region === undefined && !isUnknownAt(['region'])) {
    const fromCluster = runsOnCluster(kind) ? ctx.clusterRegion : undefined;
    if (fromCluster ?? ctx.defaultRegion) value.region = fromCluster ?? ctx.defaultRegion;
    else if (typeof value.zone === 'string' && /[a-z]$/.test(value.zone)) value.region = value.zone.slice(0, -1);
    else if (isUnknownAt(['zone'])) unknownPaths.push(['region']);
  }

  const diagnostics: Diagnostic[] = [];
  const fn = validator(kind);
  if (!fn(value)) diagnostics.push(...mapAjvErrors(kind, fn.errors ?? [], value, isUnknownAt));
  if (regional && value.region === undefined && !isUnknownAt(['region'])) {
    diagnostics.push(
      error('MISSING_FIELD', 'region', 'region is required', { hint: "Set region, a zone, or the provider's default region (AICLOUD_REGION)." }),
    );
  }
  if (value.labels && typeof value.labels === 'object') diagnostics.push(...checkLabels(value.labels as Record<string, unknown>));
  const rules = KIND_RULES[kind];
  if (!diagnostics.some((d) => d.severity === 'error') && rules.check && !unknownPaths.length) {
    diagnostics.push(
      ...(ctx.acceleratorTypes && ctx.acceleratorTypes.length > 0
        ? checkOnEveryType(rules, value, ctx.acceleratorTypes)
        : rules.check(value, { acceleratorType: ctx.acceleratorType })),
    );
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { ok: false, diagnostics: errors };
  for (const p of unknownPaths) setAt(value, p, UNKNOWN);
  return { ok: true, value: value as unknown as InputsByKind[K], warnings: diagnostics.filter((d) => d.severity === 'warning') };
}

/** Rules on a change (a volume only grows); empty when the change is allowed. */
export function checkChange(kind: Kind, oldValue: Record<string, unknown>, newValue: Record<string, unknown>): Diagnostic[] {
  return KIND_RULES[kind].checkChange?.(oldValue, newValue) ?? [];
}

/** Deeper than any schema goes; a body nested past this is refused before recursion can overflow the stack. */
export const MAX_INPUT_DEPTH = 32;

class TooDeep extends Error {
  constructor(readonly path: (string | number)[]) {
    super('too deep');
  }
}

/**
 * Copies the inputs without their unknown values, recording where those were. Keys are defined, not
 * assigned, so a `__proto__` key stays an ordinary field that validation then reports.
 */
function stripUnknowns(v: unknown, path: (string | number)[], found: (string | number)[][]): unknown {
  if (path.length > MAX_INPUT_DEPTH) throw new TooDeep(path);
  if (v === UNKNOWN) {
    found.push(path);
    return undefined;
  }
  if (Array.isArray(v)) return v.map((x, i) => stripUnknowns(x, [...path, i], found));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = stripUnknowns(x, [...path, k], found);
      if (y !== undefined) Object.defineProperty(out, k, { value: y, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

function setAt(root: Record<string, unknown>, path: (string | number)[], v: unknown) {
  let node: Record<string | number, unknown> = root;
  for (const s of path.slice(0, -1)) {
    if (node[s] === undefined || node[s] === null || typeof node[s] !== 'object') node[s] = {};
    node = node[s] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = v;
}

function specAt(kind: Kind, segments: (string | number)[]): PropertySpec | undefined {
  let props: Record<string, PropertySpec> | undefined = kindInfo(kind).inputs;
  let spec: PropertySpec | undefined;
  for (const s of segments) {
    if (typeof s === 'number') {
      spec = spec?.items;
      props = spec?.properties;
      continue;
    }
    spec = props?.[s] ?? (spec?.type === 'map' ? spec.additionalProperties : undefined);
    props = spec?.properties;
  }
  return spec;
}

function mapAjvErrors(kind: Kind, errs: ErrorObject[], value: unknown, isUnknownAt: (p: (string | number)[]) => boolean): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  for (const e of errs) {
    let segments = pointerSegments(e.instancePath);
    if (e.keyword === 'required') segments = [...segments, (e.params as { missingProperty: string }).missingProperty];
    if (e.keyword === 'additionalProperties') segments = [...segments, (e.params as { additionalProperty: string }).additionalProperty];
    if (isUnknownAt(segments)) continue;
    const path = joinPath(segments);
    if (out.has(path)) continue;
    const got = getAt(value, segments);
    const spec = specAt(kind, segments);
    const d = describe(e, path, got, spec, kind, segments);
    if (d) out.set(path, d);
  }
  return [...out.values()];
}

function describe(
  e: ErrorObject,
  path: string,
  got: unknown,
  spec: PropertySpec | undefined,
  kind: Kind,
  segments: (string | number)[],
): Diagnostic | undefined {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return error('MISSING_FIELD', path, `${path} is required`, { hint: spec ? `${spec.description}` : undefined });
    case 'additionalProperties': {
      const parent = segments.length > 1 ? specAt(kind, segments.slice(0, -1))?.properties : kindInfo(kind).inputs;
      const name = String(segments[segments.length - 1]);
      const guess = parent ? didYouMean(name, Object.keys(parent)) : undefined;
      return error('UNKNOWN_FIELD', path, `unknown field ${name}`, {
        value: got,
        hint: guess ? `Did you mean ${guess}?` : parent ? `Known fields: ${Object.keys(parent).join(', ')}.` : undefined,
      });
    }
    case 'type':
      return error('INVALID_TYPE', path, `must be ${p.type === 'integer' ? 'an integer' : `a ${String(p.type)}`}, got ${showValue(got)}`, { value: got });
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const guess = typeof got === 'string' ? didYouMean(got, allowed) : undefined;
      return error('INVALID_VALUE', path, `must be one of ${allowed.join(', ')}, got ${showValue(got)}`, {
        value: got,
        hint: guess ? `Did you mean ${guess}?` : undefined,
      });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return error('OUT_OF_RANGE', path, `must be ${String(p.comparison)} ${String(p.limit)}, got ${showValue(got)}`, {
        value: got,
        hint:
          spec && (spec.minimum !== undefined || spec.maximum !== undefined)
            ? `Allowed range: ${spec.minimum ?? '-inf'} to ${spec.maximum ?? 'inf'}.`
            : undefined,
      });
    case 'pattern':
      return error('INVALID_FORMAT', path, `${showValue(got)} does not match ${String(p.pattern)}`, { value: got, hint: spec?.description });
    case 'minLength':
    case 'maxLength':
      return error(
        'OUT_OF_RANGE',
        path,
        `length must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p.limit)}, got ${typeof got === 'string' ? got.length : '?'}`,
        { value: got },
      );
    default:
      return error('INVALID_VALUE', path, `${e.message ?? 'is invalid'}`, { value: got });
  }
}

function checkLabels(labels: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [k, v] of Object.entries(labels)) {
    const path = joinPath(['labels', k]);
    if (!LABEL_KEY.test(k)) {
      out.push(
        error('INVALID_FORMAT', path, `label key ${showValue(k)} is not a valid key`, {
          value: k,
          hint: 'Keys are [prefix/]name: a DNS-like prefix and up to 63 letters, digits, -, _ or .',
        }),
      );
    } else if (typeof v === 'string' && !LABEL_VALUE.test(v)) {
      out.push(error('INVALID_FORMAT', path, 'label values hold up to 256 printable characters', { value: v }));
    }
  }
  return out;
}

export { containsUnknown };
