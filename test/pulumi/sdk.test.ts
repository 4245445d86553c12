import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { kindInfo, KINDS } from '../../core/index.ts';

// The Node.js SDK that Pulumi's generator writes from the schema (sdk/nodejs), read as the example and
// the tests use it: its sources. That it is current is checked by `npm run build -- --check`.
const root = fileURLToPath(new URL('../../', import.meta.url));
const sdk = join(root, 'sdk/nodejs');
const schema = JSON.parse(await readFile(join(root, 'schema/schema.json'), 'utf8')) as { version: string };
const sources = (await readdir(sdk, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.startsWith('bin/') && !f.startsWith('node_modules/'));

test('package.json names the package and carries the pulumi plugin block', async () => {
  const pkg = JSON.parse(await readFile(join(sdk, 'package.json'), 'utf8'));
  assert.equal(pkg.name, '@aicloud/pulumi');
  assert.equal(pkg.version, schema.version);
  assert.deepEqual(pkg.pulumi, { resource: true, name: 'aicloud', version: schema.version });
});

test('each resource class has its token, required inputs and secret outputs from the schema', async () => {
  for (const kind of KINDS) {
    const info = kindInfo(kind);
    const [, module, name] = info.token.split(':');
    const text = await readFile(join(sdk, module, `${name.charAt(0).toLowerCase()}${name.slice(1)}.ts`), 'utf8');
    assert.ok(text.includes(`public static readonly __pulumiType = '${info.token}';`), kind);
    assert.ok(text.includes(`public static isInstance(obj: any): obj is ${name}`), kind);
    assert.ok(text.includes(`public static get(name: string, id: pulumi.Input<pulumi.ID>`), kind);
    const secrets = /additionalSecretOutputs: \[(.*)\]/.exec(text)?.[1];
    assert.deepEqual(secrets ? JSON.parse(`[${secrets}]`) : [], info.secretOutputs, kind);
    for (const required of info.requiredInputs) assert.ok(text.includes(`Missing required property '${required}'`), `${kind}.${required}`);
  }
});

test('the SDK and the example program compile under strict', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aicloud-sdk-tsc-'));
  try {
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'commonjs',
        moduleResolution: 'node',
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
        baseUrl: root,
        paths: { '@aicloud/pulumi': ['sdk/nodejs/index.ts'], '@pulumi/pulumi': ['node_modules/@pulumi/pulumi'] },
      },
      files: [...sources.map((f) => join(sdk, f)), join(root, 'examples/pulumi-ts/index.ts')],
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const res = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stdout + res.stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
