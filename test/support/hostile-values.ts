import fc from 'fast-check';
import { KINDS, kindInfo, type Kind, type PropertySpec } from '../../core/index.ts';
import { sampleInputs } from './sample-inputs.ts';

/** Values users (or attackers) send where a field expects something sane. */
export function hostileValue(): fc.Arbitrary<unknown> {
  const weirdStrings = fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-0',
    '0x10',
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    '..\\..\\windows',
    '%2e%2e%2f',
    'a/../../b',
    '__proto__',
    'constructor',
    'prototype',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '\u202e\u0644\u0639\u0631\u0628\u064a\u0629',
    '\ud83d\ude80\ud83d\ude80',
    '\ud800',
    'a'.repeat(10_000),
    '${jndi:ldap://x}',
    'null',
    'true',
  );
  const numbers = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(-1, 0, 1, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e308, -1e308, 0.5, 4097, 65537),
  );
  const deep = fc.integer({ min: 20, max: 400 }).map((n) => {
    let v: unknown = 'leaf';
    for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
    return v;
  });
  return fc.oneof(
    weirdStrings,
    fc.string(),
    fc.string({ unit: 'binary' }),
    numbers,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.anything(), { maxLength: 5 }),
    fc.dictionary(fc.string(), fc.anything(), { maxKeys: 5 }),
    deep,
  );
}

/**
 * Field names that should never be accepted. `__proto__` is left to a dedicated test, because one
 * known failure there would hide every other finding of a broad fuzz.
 */
export function hostileKey(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'),
    fc.constantFrom('constructor', 'prototype', 'nodecount', 'acceleratortype', 'labels ', '../x', 'a.b', 'a[0]', '\u0000'),
  );
}

export interface Mutated {
  kind: Kind;
  /** The body after mutation; may be any JSON-ish value. */
  body: unknown;
  /** What was done, for failure messages. */
  mutation: string;
}

function setPath(root: Record<string, unknown>, path: string[], v: unknown): void {
  let node = root;
  for (const s of path.slice(0, -1)) {
    if (node[s] === null || typeof node[s] !== 'object' || Array.isArray(node[s])) node[s] = {};
    node = node[s] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  // defineProperty keeps '__proto__' an own key, as JSON.parse makes it, instead of changing a prototype.
  if (v === undefined) delete node[last];
  else Object.defineProperty(node, last, { value: v, enumerable: true, configurable: true, writable: true });
}

function schemaPaths(props: Record<string, PropertySpec>, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, p] of Object.entries(props)) {
    out.push([...prefix, k]);
    if (p.type === 'object' && p.properties) out.push(...schemaPaths(p.properties, [...prefix, k]));
  }
  return out;
}

/**
 * A valid sample body with one to four hostile changes: a field set to a hostile value, removed, an
 * unknown field added, a label with a hostile key, or the whole body replaced by a non-object.
 */
export function mutatedBody(kinds: readonly Kind[] = KINDS): fc.Arbitrary<Mutated> {
  return fc.constantFrom(...kinds).chain((kind) => {
    const paths = schemaPaths(kindInfo(kind).inputs);
    const change = fc.oneof(
      fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...paths), v: hostileValue() }),
      fc.record({ op: fc.constant('drop' as const), path: fc.constantFrom(...paths), v: fc.constant(undefined) }),
      fc.record({ op: fc.constant('add' as const), path: fc.tuple(hostileKey()).map((k) => k as string[]), v: fc.anything() }),
      fc.record({
        op: fc.constant('label' as const),
        path: fc.tuple(fc.constant('labels'), hostileKey()).map((k) => k as string[]),
        v: fc.oneof(fc.string(), hostileValue()),
      }),
    );
    return fc
      .oneof({ weight: 9, arbitrary: fc.array(change, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: hostileValue().map((v) => ({ whole: v })) })
      .map((m): Mutated => {
        if (!Array.isArray(m)) return { kind, body: m.whole, mutation: 'whole body replaced' };
        const body = structuredClone(sampleInputs(kind, 'fuzz-a')) as Record<string, unknown>;
        for (const c of m) {
          // Cloned, because later changes write into it and fast-check must keep its own values intact.
          setPath(body, c.path, structuredClone(c.v));
        }
        return { kind, body, mutation: m.map((c) => `${c.op} ${c.path.join('.')}`).join('; ') };
      });
  });
}
