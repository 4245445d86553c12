import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { generateSdk } from '../../scripts/pulumi/sdk-gen/index.ts';
import type { PackageSchema } from '../../scripts/pulumi/sdk-gen/index.ts';
import { kindInfo, KINDS } from '../../core/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(await readFile(join(root, 'schema/schema.json'), 'utf8')) as PackageSchema;
const files = generateSdk(schema);

test('sdk/nodejs is up to date with schema/schema.json', async () => {
  for (const [path, text] of files) {
    const current = await readFile(join(root, 'sdk/nodejs', path), 'utf8').catch(() => undefined);
    assert.equal(current, text, `sdk/nodejs/${path} is out of date: run npx tsx scripts/pulumi/gen-sdk.ts`);
  }
});

test('every generated file says it is generated and must not be edited', () => {
  for (const [path, text] of files) {
    if (path.endsWith('.ts')) assert.ok(text.startsWith('// Generated from schema/schema.json'), path);
    else if (path.endsWith('.json')) assert.match(JSON.parse(text)['//'], /^Generated from schema\/schema.json/, path);
    else assert.ok(text.startsWith('<!-- Generated from schema/schema.json'), path);
  }
});

test('package.json carries the pulumi plugin block', () => {
  const pkg = JSON.parse(files.get('package.json')!);
  assert.deepEqual(pkg.pulumi, { resource: true, name: 'aicloud', version: schema.version });
  assert.equal(pkg.name, '@aicloud/pulumi');
});

test('each resource class has its token, replaceOnChanges and secret outputs from the schema', () => {
  for (const kind of KINDS) {
    const info = kindInfo(kind);
    const [, module, name] = info.token.split(':');
    const text = files.get(`${module}/${name.charAt(0).toLowerCase()}${name.slice(1)}.ts`)!;
    assert.ok(text.includes(`public static readonly __pulumiType = '${info.token}';`), kind);
    assert.ok(text.includes(`public static override isInstance(obj: any): obj is ${name}`), kind);
    assert.ok(text.includes(`public static get(name: string, id: pulumi.Input<pulumi.ID>`), kind);
    const replace = /replaceOnChanges: \[(.*)\]/.exec(text)?.[1] ?? '';
    assert.deepEqual(JSON.parse(`[${replace}]`).sort(), [...info.replaceOnChanges].sort(), kind);
    const secrets = /additionalSecretOutputs: \[(.*)\]/.exec(text)?.[1];
    assert.deepEqual(secrets ? JSON.parse(`[${secrets}]`) : [], info.secretOutputs, kind);
    for (const required of info.requiredInputs) assert.ok(text.includes(`Missing required property '${required}'`), `${kind}.${required}`);
  }
});

test('the SDK and the example program compile under strict', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aicloud-sdk-tsc-'));
  try {
    const sdkFiles = [...files.keys()].filter((f) => f.endsWith('.ts')).map((f) => join(root, 'sdk/nodejs', f));
    const config = {
      compilerOptions: {
        strict: true, noEmit: true, target: 'es2020', module: 'commonjs', moduleResolution: 'node', skipLibCheck: true,
        types: ['node'], typeRoots: [join(root, 'node_modules/@types')], baseUrl: root,
        paths: { '@aicloud/pulumi': ['sdk/nodejs/index.ts'], '@pulumi/pulumi': ['node_modules/@pulumi/pulumi'] },
      },
      files: [...sdkFiles, join(root, 'examples/pulumi-ts/index.ts')],
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const res = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stdout + res.stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
