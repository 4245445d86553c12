// The plugin tarball as users install it: `pulumi plugin install resource aicloud <version> --file`
// into an empty PULUMI_HOME, listed by `pulumi plugin ls`, and started by the engine for a preview
// of an inline program (Automation API) with ambient plugins ignored, so only the installed copy
// can serve it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation/index.js';
import { PACKAGE } from '../../core/index.ts';
import { buildPluginTarball, tarballName } from '../../scripts/pulumi/plugin-tarball.ts';
import { enginePath, toolsBin } from '../support/engines.ts';
import { runCommand } from '../support/run-command.ts';

/** The one resource the inline program declares, without the SDK: only the plugin is under test. */
class Bucket extends pulumi.CustomResource {
  constructor(name: string, args: { name: string; region: string }) {
    super('aicloud:storage:Bucket', name, args);
  }
}

describe('the plugin tarball installs with pulumi plugin install --file', () => {
  let dir: string;
  let tarball: string;
  let env: NodeJS.ProcessEnv;
  const pulumiBin = enginePath('pulumi');

  const run = (args: string[]) => runCommand(pulumiBin, args, { cwd: dir, env });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aicloud-plugin-install-'));
    tarball = await buildPluginTarball(join(dir, 'dist'));
    mkdirSync(join(dir, 'state'));
    env = {
      ...process.env,
      // The install step starts the Node.js language host, which `npm run tools` builds.
      PATH: `${toolsBin()}:${process.env.PATH ?? ''}`,
      PULUMI_HOME: join(dir, 'home'),
      PULUMI_BACKEND_URL: `file://${join(dir, 'state')}`,
      PULUMI_CONFIG_PASSPHRASE: 'plugin-install-test',
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
      PULUMI_IGNORE_AMBIENT_PLUGINS: 'true',
      AICLOUD_DATA_DIR: join(dir, 'cloud'),
    };
    delete env.AICLOUD_ENDPOINT;
    delete env.AICLOUD_TOKEN;
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the tarball is named for the version GetPluginInfo reports and holds PulumiPlugin.yaml and the executable', () => {
    assert.equal(tarball, join(dir, 'dist', tarballName()));
    assert.match(tarballName(), new RegExp(`^pulumi-resource-aicloud-v${PACKAGE.version.replace(/\./g, '\\.')}-linux-amd64\\.tar\\.gz$`));
    const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    const entries = list.stdout.split('\n');
    for (const entry of [
      'PulumiPlugin.yaml',
      'pulumi-resource-aicloud',
      'lib/dist/pulumi-resource-aicloud.mjs',
      'lib/schema/schema.json',
      'lib/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ]) {
      assert.ok(entries.includes(entry), `${entry} in the tarball`);
    }
  });

  test('pulumi plugin install puts it in PULUMI_HOME and pulumi plugin ls lists it', async () => {
    const install = await run(['plugin', 'install', 'resource', 'aicloud', PACKAGE.version, '--file', tarball]);
    assert.equal(install.code, 0, install.stdout + install.stderr);
    const pluginDir = join(dir, 'home', 'plugins', `resource-aicloud-v${PACKAGE.version}`);
    assert.ok(existsSync(join(pluginDir, 'pulumi-resource-aicloud')), `the executable in ${pluginDir}`);

    const ls = await run(['plugin', 'ls', '--json']);
    assert.equal(ls.code, 0, ls.stderr);
    const plugins = JSON.parse(ls.stdout) as { name: string; kind: string; version: string }[];
    assert.deepEqual(
      plugins.map((p) => [p.name, p.kind, p.version]),
      [['aicloud', 'resource', PACKAGE.version]],
    );
  });

  test('a preview of an inline program runs the installed plugin', async () => {
    const pulumiCommand = await PulumiCommand.get({ root: dirname(dirname(pulumiBin)) });
    const envVars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
    const stack = await LocalWorkspace.createStack(
      {
        stackName: 'dev',
        projectName: 'plugin-install',
        program: async () => {
          const bucket = new Bucket('weights', { name: 'plugin-install-weights', region: 'cn-southwest-2' });
          return { id: bucket.id };
        },
      },
      { pulumiCommand, envVars, workDir: dir, projectSettings: { name: 'plugin-install', runtime: 'nodejs', backend: { url: env.PULUMI_BACKEND_URL! } } },
    );
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { create: 2 });
  });
});
