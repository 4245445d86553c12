import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { kindFromToken, validate, FUNCTION_SPECS } from '../../core/index.ts';
import { stack } from './fixtures/stack.ts';

// test/pulumi-cli/example-yaml-readme.test.ts runs examples/pulumi-yaml with the real CLI; this checks what the CLI hands the provider:
// every type exists, every property validates once references are resolved, and it is the gitops stack.
const program = parse(await readFile(new URL('../../examples/pulumi-yaml/Pulumi.yaml', import.meta.url), 'utf8')) as {
  resources: Record<string, { type: string; properties: Record<string, unknown> }>;
  variables: Record<string, { 'fn::invoke': { function: string } }>;
  plugins: { providers: { name: string; path: string }[] };
};

function resolveRefs(v: unknown): unknown {
  if (typeof v === 'string') {
    const m = /^\$\{([a-z0-9-]+)\.name\}$/.exec(v);
    return m ? program.resources[m[1]].properties.name : v;
  }
  if (Array.isArray(v)) return v.map(resolveRefs);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveRefs(x)]));
  return v;
}

test('every resource of the YAML program is a known type whose properties validate', () => {
  for (const [name, r] of Object.entries(program.resources)) {
    const kind = kindFromToken(r.type);
    assert.ok(kind, `${name}: unknown type ${r.type}`);
    const v = validate(kind, resolveRefs(r.properties), { defaultRegion: 'cn-southwest-2' });
    assert.ok(v.ok, `${name}: ${JSON.stringify(!v.ok && v.diagnostics)}`);
  }
  for (const v of Object.values(program.variables)) assert.ok(FUNCTION_SPECS[v['fn::invoke'].function]);
});

test('the YAML program declares the same stack as the TypeScript example and examples/gitops', () => {
  const fromYaml = Object.fromEntries(Object.entries(program.resources).map(([name, r]) => [name, { type: r.type, inputs: resolveRefs(r.properties) }]));
  const fromFixture = Object.fromEntries(stack().map((d) => [d.name, { type: d.type, inputs: d.inputs }]));
  assert.deepEqual(fromYaml, fromFixture);
});

test('the YAML program loads the provider from the folder plugin', () => {
  assert.deepEqual(program.plugins.providers, [{ name: 'aicloud', path: '../../provider/pulumi-plugin' }]);
});
