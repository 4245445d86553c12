/** Joins path segments the way users write them: `model.precision`, `labels["aicloud.dev/stack"]`, `items[0]`. */
export function joinPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Splits a path the way users write it (joinPath's inverse): names, `[0]` indices and quoted keys,
 * e.g. `model.precision`, `items[0]`, `labels["aicloud.dev/stack"]`. Names may hold any character
 * but `.`, `[` and `]` (`labels.team-x`).
 */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(re)) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[3] !== undefined) out.push(JSON.parse(match[3]) as string);
  }
  return out;
}

/** Splits a JSON pointer (`/model/precision`) into segments, numbers for array indices. */
export function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Reads the value at a path of segments, or undefined. */
export function getAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}
