// examples/pulumi-ts exactly as its README says, in a copy laid out like the repository: build the SDK,
// `npm install`, then `pulumi stack init dev`, `preview`, `up`, `stack output`, `refresh`, `destroy` with
// the `pulumi` CLI and the Node.js language host `npm run tools` builds, on the embedded cloud. Then
// `pulumi import` of a cluster `aicloud apply` created, as the README's import section says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enginePath } from '../support/engines.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCommand } from '../support/run-command.ts';
import { CLI_BIN } from '../support/cli.ts';
import { offlineEnv } from './support/workspace.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

async function must(cmd: string, args: string[], cwd: string, env: Record<string, string>): Promise<string> {
  const r = await runCommand(cmd, args, { cwd, env });
  const out = r.stdout + r.stderr;
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} exited ${r.code}:\n${out.slice(-4000)}`);
  return out;
}

test('examples/pulumi-ts runs as its README says: up, stack output, refresh, destroy, and import', async (t) => {
  enginePath('pulumi-language-nodejs');
  const root = tempDir(t, 'aicloud-pulumi-example-').path;
  // The README's relative paths (../../sdk/nodejs, ../../bin) hold in a copy with the same layout.
  const example = join(root, 'repo', 'examples', 'pulumi-ts');
  const sdk = join(root, 'repo', 'sdk', 'nodejs');
  mkdirSync(dirname(sdk), { recursive: true });
  cpSync(join(REPO, 'examples', 'pulumi-ts'), example, { recursive: true, filter: (src) => !/node_modules|\.aicloud|Pulumi\.[^/]+\.yaml$/.test(src) });
  cpSync(join(REPO, 'sdk', 'nodejs'), sdk, { recursive: true, filter: (src) => !/node_modules|\/bin$/.test(src) });
  symlinkSync(join(REPO, 'bin'), join(root, 'repo', 'bin'));
  // The repository root's `npm install` and the SDK's build script, as the README runs them there.
  symlinkSync(join(REPO, 'node_modules'), join(root, 'repo', 'node_modules'));
  mkdirSync(join(root, 'repo', 'scripts', 'pulumi'), { recursive: true });
  cpSync(join(REPO, 'scripts', 'pulumi', 'build-node-sdk.ts'), join(root, 'repo', 'scripts', 'pulumi', 'build-node-sdk.ts'));
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AICLOUD_') && !k.startsWith('PULUMI_')));
  const env: Record<string, string> = {
    ...(base as Record<string, string>),
    ...offlineEnv(root, 'project'),
    // The packages come from the npm cache when they are there; the commands stay the README's.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  for (const k of Object.keys(env)) if (k.startsWith('AICLOUD_')) delete env[k];
  env.PATH = [dirname(enginePath('pulumi')), env.PATH].join(':');

  // From the repository root, once: the SDK compiled into sdk/nodejs/bin, the package the example installs.
  await must('npx', ['tsx', 'scripts/pulumi/build-node-sdk.ts'], join(root, 'repo'), env);
  // Then in the example's folder.
  await must('npm', ['install'], example, env);
  await must('pulumi', ['stack', 'init', 'dev'], example, env);
  const preview = await must('pulumi', ['preview'], example, env);
  assert.match(preview, /\+ 7 to create/);
  const up = await must('pulumi', ['up', '--yes'], example, env);
  assert.match(up, /\+ 7 created/);
  const apiKey = (await must('pulumi', ['stack', 'output', 'endpointApiKey', '--show-secrets'], example, env)).trim();
  assert.ok(apiKey.length >= 16, `an API key, got ${JSON.stringify(apiKey)}`);
  assert.ok(!up.includes(apiKey), 'the API key is not printed by up');
  const refresh = await must('pulumi', ['refresh', '--yes'], example, env);
  assert.doesNotMatch(refresh, /~ \d+ updated|- \d+ deleted/, 'nothing drifted');
  const destroy = await must('pulumi', ['destroy', '--yes'], example, env);
  assert.match(destroy, /- 7 deleted/);

  // Importing what the GitOps CLI created, on the same embedded cloud (.aicloud in the example's folder).
  const gitops = join(root, 'gitops');
  mkdirSync(gitops);
  cpSync(join(REPO, 'examples', 'gitops', 'training.yaml'), join(gitops, 'training.yaml'));
  await must(process.execPath, [CLI_BIN, 'apply', gitops, '--auto-approve'], example, env);
  // --generate-code=false: the language host built from the proxy (v3.68) has no GenerateProgram.
  const imported = await must(
    'pulumi',
    ['import', 'aicloud:compute:Cluster', 'train-a', 'train-a', '--yes', '--protect=false', '--generate-code=false'],
    example,
    env,
  );
  assert.match(imported, /= 1 imported/);
  const state = JSON.parse(await must('pulumi', ['stack', 'export'], example, env)) as {
    deployment: { resources?: { type: string; id?: string; inputs?: Record<string, unknown> }[] };
  };
  const cluster = state.deployment.resources?.find((r) => r.type === 'aicloud:compute:Cluster');
  assert.equal(cluster?.id, 'train-a');
  assert.deepEqual(cluster?.inputs?.labels, { team: 'foundation-models', workload: 'pretraining' }, "the GitOps CLI's own labels are not inputs");
  assert.match(await must('pulumi', ['destroy', '--yes'], example, env), /aicloud:compute:Cluster train-a deleted/);
});
