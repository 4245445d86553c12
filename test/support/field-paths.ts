import { kindInfo, type Kind, type PropertySpec } from '../../core/index.ts';

/** Splits a user-facing path (`model.precision`, `labels["a/b"]`, `items[0]`) back into segments. */
export function parsePath(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') i++;
    if (path[i] === '[') {
      const close = path[i + 1] === '"' ? findStringEnd(path, i + 1) + 1 : path.indexOf(']', i);
      if (close < 0 || path[close] !== ']') return undefined;
      const inner = path.slice(i + 1, close);
      try {
        out.push(JSON.parse(inner) as string | number);
      } catch {
        return undefined;
      }
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(path.slice(i));
    if (!m) return undefined;
    out.push(m[0]);
    i += m[0].length;
  }
  return out;
}

function findStringEnd(s: string, open: number): number {
  for (let j = open + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j;
  }
  return -1;
}

function inInput(input: unknown, segs: (string | number)[]): boolean {
  let node = input;
  for (const s of segs) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, s)) return false;
    node = (node as Record<string | number, unknown>)[s];
  }
  return true;
}

function inSchema(kind: Kind, segs: (string | number)[]): boolean {
  let props: Record<string, PropertySpec> | undefined = kindInfo(kind).inputs;
  let spec: PropertySpec | undefined;
  for (const s of segs) {
    if (typeof s === 'number') {
      if (spec?.type !== 'array') return false;
      spec = spec.items;
    } else if (spec?.type === 'map') {
      spec = spec.additionalProperties;
    } else {
      spec = props?.[s];
    }
    if (!spec) return false;
    props = spec.properties;
  }
  return true;
}

/**
 * True when an error's field names something real: a key the user sent or a property the schema has.
 * An error that points nowhere leaves users guessing which line to fix.
 */
export function fieldExists(kind: Kind, input: unknown, path: string): boolean {
  const segs = parsePath(path);
  if (!segs || segs.length === 0) return false;
  return inInput(input, segs) || inSchema(kind, segs);
}
