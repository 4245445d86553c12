import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { LineCounter, parseAllDocuments, stringify } from 'yaml';
import { parsePlainYaml } from './parse-plain-yaml.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** What the full parser makes of a text: values and root offsets of the non-empty documents, or undefined on any error. */
function full(text: string): { value: unknown; offset: number; line: number; column: number }[] | undefined {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  if (list.some((d) => d.errors.length > 0)) return undefined;
  return list
    .filter((d) => d.contents != null)
    .map((d) => {
      const offset = d.contents!.range[0];
      if (d.contents!.range[0] === d.contents!.range[1]) throw new Error('an empty document should have been declined');
      const { line, col } = lineCounter.linePos(offset);
      return { value: d.toJS(), offset, line, column: col };
    });
}

/** The fast path may decline anything; what it reads, it must read exactly as the full parser does. */
function assertAgrees(text: string): boolean {
  const fast = parsePlainYaml(text);
  if (fast === undefined) return false;
  const expected = full(text);
  assert.ok(expected, `the fast path read text the full parser refuses:\n${text}`);
  assert.deepEqual(fast, expected, text);
  return true;
}

test('reads the example repository and the shapes manifests use exactly as the yaml package does', () => {
  const dir = join(root, 'examples', 'gitops');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    assert.ok(assertAgrees(readFileSync(join(dir, name), 'utf8')), `${name} should take the fast path`);
  }
  const cases = [
    'a: 1\n',
    '# leading comment\n---\na: 1\n---  # next\n# only a comment\nb: 2\n',
    'spec:\n  list:\n    - a\n    - 2\n    -   c\n  seq:\n  - x\n  - y\n  after: 1\n',
    'items:\n  - name: a\n    size: 1\n  - name: b\n    nested:\n      - - 1\n        - 2\n      -\n        k: v\n',
    "q: 'it''s'\nd: \"a # not a comment\"\ne: ''\nf: \"\"\n\"quoted key\": 1\n'single key': 2\n",
    'n: ~\nn2: null\nn3: Null\nn4:\nt: true\nf: FALSE\nT: True\nno: nULL\ni: -12\nj: +7\no: 0o17\nh: 0x1F\nf1: 1.50\nf2: -.5\ne: 1e3\ninf: -.inf\nnan: .NaN\ns: 1_000\nv: 1.2.3\n',
    'url: http://example.com/a#frag\nc: value # comment\nempty: {}\nnone: []\nspaced: a  b\n',
    'labels:\n  aicloud.dev/protect: "true"\n  app.kubernetes.io/name: x\n',
    'a:\n  # comment inside\n  b: 1\n\n\n  c: 2\n',
  ];
  for (const text of cases) assert.ok(assertAgrees(text), `should take the fast path:\n${text}`);
});

test('declines what it does not read, so the full parser decides', () => {
  const declined = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: {b: 1}\n',
    'a: [1, 2]\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    'a: one\n  two\n',
    'a: "esc\\n"\n',
    'a: "open\n  close"\n',
    'a: 1\na: 2\n',
    'a:\n\tb: 1\n',
    'a: 1\r\nb: 2\r\n',
    'a: - b\n',
    '- a\n- b\n',
    'scalar\n',
    '? complex\n: key\n',
    '__proto__: 1\n',
    'true: 1\n',
    '1: a\n',
    '--- a: 1\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: b: c\n',
    'a: b:\n',
    'a: "x" y\n',
    'a:\n    b: 1\n  c: 2\n',
    '  a: 1\n',
    'a: 1\n...\n',
    'key with space: 1\n',
    'a: -\n',
    'a: @x\n',
    '\ufeffa: 1\n',
    // Empty documents: the loader reports them, so the full parser must see them.
    'a: 1\n---\n',
    'a: 1\n---\n# only a comment\n---\nb: 2\n',
  ];
  for (const text of declined) assert.equal(parsePlainYaml(text), undefined, text);
});

/** Text in the shapes manifests have, with the scalars and indentation mistakes people make. */
const scalar = fc.oneof(
  fc.constantFrom(
    'a',
    'value',
    '1',
    '-1',
    '0.5',
    '1e3',
    '0x1F',
    '0o7',
    'true',
    'False',
    'null',
    '~',
    '',
    '.inf',
    '-.5',
    'x: y',
    'a #c',
    'a#c',
    'http://x',
    '- a',
    '-',
    '@x',
    '*a',
    '&a b',
  ),
  fc.constantFrom('"q"', "'s'", "'it''s'", '"a\\"b"', '"open', "'open", '{}', '[]', '{a: 1}', '[1]', '|', '>', '!!str 1'),
  fc.stringMatching(/^[a-z0-9 .:#'"-]{0,8}$/),
);
const key = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'spec', 'name', 'true', '1', 'a.b/c', '"q k"', "'s k'", '__proto__', '-k', 'k k') },
  { weight: 30, arbitrary: fc.stringMatching(/^[a-z]{1,3}$/) },
);
const line = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      key.map((k) => `${k}:`),
      scalar.map((v) => `- ${v}`),
      fc.tuple(key, scalar).map(([k, v]) => `- ${k}: ${v}`),
      fc.constantFrom('-', '# comment', '', '---', '- - a', '... '),
    ),
  )
  .map(([indent, text]) => `${' '.repeat(indent)}${text}`);
const handWritten = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => `${lines.join('\n')}\n`);

/** Well-formed block YAML written the way people write manifests, with a tricky scalar here and there. */
type Tree = string | { map: [string, Tree][] } | { seq: Tree[] };
const plainScalar = fc.oneof(
  { weight: 20, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/) },
  { weight: 10, arbitrary: fc.integer({ min: -1000, max: 100000 }).map(String) },
  { weight: 1, arbitrary: scalar },
);
const tree = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, plainScalar, tie('map'), tie('seq')),
  map: fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((map) => ({ map })),
  seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
})).map;
function write(node: Tree, indent: number, step: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof node === 'string') return [node];
  const entries: [string, Tree][] = 'map' in node ? node.map.map(([k, v]) => [`${k}:`, v]) : node.seq.map((v) => ['-', v]);
  return entries.flatMap(([head, v]) => (typeof v === 'string' ? [`${pad}${head} ${v}`] : [`${pad}${head}`, ...write(v, indent + step, step)]));
}
const written = fc
  .tuple(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.constantFrom(2, 4), fc.array(fc.nat(), { maxLength: 3 }))
  .map(([docs, step, comments]) =>
    docs
      .map((d) => {
        const lines = write(d, 0, step);
        for (const at of comments) lines.splice(at % (lines.length + 1), 0, at % 2 ? '# note' : '');
        return `${lines.join('\n')}\n`;
      })
      .join('---\n'),
  );

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), tie('object'), tie('array')),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('true', '1', 'a.b/c', 'x y')), tie('value'), { maxKeys: 4 }),
  array: fc.array(tie('value'), { maxLength: 4 }),
})).object;
const stringified = fc
  .tuple(fc.array(json, { minLength: 1, maxLength: 3 }), fc.constantFrom(2, 4))
  .map(([docs, indent]) => docs.map((d) => stringify(d, { indent })).join('---\n'));

test('on hostile text it either declines or agrees with the full parser, value and position', () => {
  fc.assert(
    fc.property(fc.oneof(handWritten, stringified), (text) => {
      assertAgrees(text);
    }),
    { numRuns: 3000, seed: 7 },
  );
});

test('on well-formed manifests it reads most and agrees with the full parser on each', () => {
  let read = 0;
  fc.assert(
    fc.property(written, (text) => {
      if (assertAgrees(text)) read++;
    }),
    { numRuns: 3000, seed: 7 },
  );
  // The property says nothing if the fast path declines everything.
  assert.ok(read > 1500, `the fast path read only ${read} of 3000 texts`);
});
