import { isPlainString, resolvePlainScalar } from './resolve-plain-scalar.ts';

/** One document read by the fast path: its value, and where its root mapping starts. */
export interface PlainDocument {
  value: Record<string, unknown>;
  /** Offset of the root mapping's first key: what the full parser gives as `contents.range[0]`. */
  offset: number;
  line: number;
  column: number;
}

/**
 * Reads the plain subset of YAML that manifests are written in (block
 * mappings and sequences, one-line plain and quoted scalars, comments,
 * `---`), without building a syntax tree or recording positions. Anything
 * else (anchors, tags, flow collections, block scalars, escapes, multi-line
 * scalars, duplicate keys, tabs, CRLF, a root that is not a mapping) gives
 * `undefined` and the caller falls back to the full `yaml` parser, so this
 * never decides what a file means on its own: it only agrees faster.
 */
export function parsePlainYaml(text: string): PlainDocument[] | undefined {
  if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return splitDocuments(text).map((lines) => new BlockReader(lines).document());
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

interface Line {
  indent: number;
  /** The line after its indentation, without trailing spaces. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  line: number;
}

/** Thrown (never escapes `parsePlainYaml`) when the text leaves the subset. */
const UNSUPPORTED = Symbol('unsupported YAML');

function unsupported(): never {
  throw UNSUPPORTED;
}

/**
 * Significant lines (no blanks, no comments) of each document. A `---` with
 * nothing after it makes an empty document, which the loader reports as not a
 * mapping; that is left to the full parser too.
 */
function splitDocuments(text: string): Line[][] {
  const documents: Line[][] = [];
  let lines: Line[] = [];
  let marked = false;
  let pos = 0;
  for (let lineNo = 1; pos <= text.length; lineNo++) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const raw = text.slice(pos, end);
    const start = pos;
    pos = end + 1;
    let indent = 0;
    while (indent < raw.length && raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw[indent] === '#') continue;
    if (indent === 0 && (raw.startsWith('---') || raw.startsWith('...') || raw[0] === '%')) {
      const rest = raw.slice(3).trim();
      if (!raw.startsWith('---') || (raw.length > 3 && raw[3] !== ' ') || (rest !== '' && rest[0] !== '#')) unsupported();
      if (lines.length > 0) documents.push(lines);
      else if (marked) unsupported();
      lines = [];
      marked = true;
      continue;
    }
    lines.push({ indent, text: raw.slice(indent).trimEnd(), offset: start + indent, line: lineNo });
  }
  if (lines.length > 0) documents.push(lines);
  else if (marked) unsupported();
  return documents;
}

const PLAIN_KEY = /^([A-Za-z0-9_./][A-Za-z0-9_./-]*):(?: |$)/;
const DOUBLE_QUOTED_KEY = /^"([^"\\]*)":(?: |$)/;
const SINGLE_QUOTED_KEY = /^'((?:[^']|'')*)':(?: |$)/;
/** The full parser refuses longer implicit keys. */
const MAX_KEY_LENGTH = 1000;
/** Characters that start something other than a plain scalar (or an ambiguous one). */
const INDICATORS = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`', '?', ':', '-', '"', "'"]);
const TRAILING_COMMENT = /^ +#/;

/** Splits `key: rest` into the key and what follows the colon; undefined when the line is not a mapping entry. */
function splitKey(text: string): { key: string; rest: string } | undefined {
  let match = PLAIN_KEY.exec(text);
  if (match) {
    if (!isPlainString(match[1]!)) unsupported(); // `true:`, `1:`, `~:` are not string keys
  } else if (text[0] === '"') {
    match = DOUBLE_QUOTED_KEY.exec(text);
  } else if (text[0] === "'") {
    match = SINGLE_QUOTED_KEY.exec(text);
    if (match) match[1] = match[1]!.replaceAll("''", "'");
  }
  if (!match) return undefined;
  const key = match[1]!;
  // `__proto__` would set the prototype of a plain object; the full parser defines it as a field instead.
  if (key.length > MAX_KEY_LENGTH || key === '__proto__') unsupported();
  return { key, rest: text.slice(match[0].length) };
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** Nothing but spaces and a comment may follow a quoted scalar or an empty collection. */
function expectEnd(text: string, from: number): void {
  if (from < text.length && !TRAILING_COMMENT.test(text.slice(from))) unsupported();
}

/** A scalar written on one line after `key: ` or `- `. */
function inlineScalar(text: string): unknown {
  const first = text[0]!;
  if (first === '"') {
    const close = text.indexOf('"', 1);
    if (close === -1) unsupported();
    const body = text.slice(1, close);
    if (body.includes('\\')) unsupported();
    expectEnd(text, close + 1);
    return body;
  }
  if (first === "'") {
    let close = 1;
    for (;;) {
      close = text.indexOf("'", close);
      if (close === -1) unsupported();
      if (text[close + 1] !== "'") break;
      close += 2;
    }
    expectEnd(text, close + 1);
    return text.slice(1, close).replaceAll("''", "'");
  }
  if (text.startsWith('{}') || text.startsWith('[]')) {
    expectEnd(text, 2);
    return first === '{' ? {} : [];
  }
  // A leading minus is fine before a number (`-5`, `-.inf`); anything else after it is left to the full parser.
  if (INDICATORS.has(first) && !(first === '-' && /^[0-9.]$/.test(text[1] ?? ''))) unsupported();
  const comment = text.indexOf(' #');
  const body = comment === -1 ? text : text.slice(0, comment).trimEnd();
  // `a: b: c` is an error to the full parser, and `a: b:` is ambiguous.
  if (body.includes(': ') || body.endsWith(':')) unsupported();
  return resolvePlainScalar(body);
}

/** Walks a document's lines once, building plain objects and arrays. */
class BlockReader {
  #at = 0;
  readonly #lines: Line[];

  constructor(lines: Line[]) {
    this.#lines = lines;
  }

  document(): PlainDocument {
    const first = this.#lines[0]!;
    if (first.indent !== 0 || isSequenceItem(first.text)) unsupported();
    const value = this.#mapping(0);
    if (this.#at < this.#lines.length) unsupported();
    return { value, offset: first.offset, line: first.line, column: 1 };
  }

  #block(indent: number): unknown {
    return isSequenceItem(this.#lines[this.#at]!.text) ? this.#sequence(indent) : this.#mapping(indent);
  }

  #mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.#at < this.#lines.length) {
      const line = this.#lines[this.#at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) unsupported();
      const entry = splitKey(line.text);
      if (!entry || Object.hasOwn(out, entry.key)) unsupported();
      this.#at++;
      out[entry.key] = this.#value(entry.rest.trimStart(), indent, true);
    }
    return out;
  }

  #sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.#at < this.#lines.length) {
      const line = this.#lines[this.#at]!;
      if (line.indent < indent || !isSequenceItem(line.text)) break;
      if (line.indent > indent) unsupported();
      let spaces = 1;
      while (line.text.charCodeAt(spaces) === 32) spaces++;
      const rest = line.text.slice(spaces);
      if (rest !== '' && rest[0] !== '#' && (isSequenceItem(rest) || splitKey(rest))) {
        // `- name: a` opens a collection on the item's own line: read it as if it started a line at that column.
        const column = indent + spaces;
        this.#lines[this.#at] = { ...line, indent: column, text: rest, offset: line.offset + spaces };
        out.push(this.#block(column));
        continue;
      }
      this.#at++;
      out.push(this.#value(rest, indent, false));
    }
    return out;
  }

  /**
   * What follows `key:` or `-`: a scalar on the same line, or a block on the
   * lines below (a mapping's value may be a sequence at the key's own indent).
   */
  #value(rest: string, indent: number, sequenceMayAlign: boolean): unknown {
    const next = this.#lines[this.#at];
    if (rest === '' || rest[0] === '#') {
      if (next && next.indent > indent) return this.#block(next.indent);
      if (next && sequenceMayAlign && next.indent === indent && isSequenceItem(next.text)) return this.#sequence(indent);
      return null;
    }
    const value = inlineScalar(rest);
    // A deeper line after a scalar continues it (a multi-line plain scalar) or is an error: either way, not ours.
    if (next && next.indent > indent) unsupported();
    return value;
  }
}
