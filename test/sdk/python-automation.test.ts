import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPythonSdk } from './harness/python-venv.ts';

// pulumi_aicloud under the real Pulumi CLI: a Python Automation API inline program runs `pulumi up`,
// a preview that must show no changes, and `pulumi destroy` against the provider plugin on the
// embedded cloud.
const PROGRAM = fileURLToPath(new URL('./fixtures/python_automation.py', import.meta.url));
const PLUGIN = fileURLToPath(new URL('../../bin/pulumi-resource-aicloud.mjs', import.meta.url));

/** The Pulumi CLI the project builds (`npm run tools`); the test fails, never skips, without it. */
function pulumiCli(): string {
  const dir = process.env.AICLOUD_TOOLS_BIN;
  if (!dir) throw new Error('AICLOUD_TOOLS_BIN is not set: run `npm run tools` and point it at the folder it prints');
  const cli = join(dir, 'pulumi');
  if (!existsSync(cli)) throw new Error(`no pulumi CLI at ${cli}`);
  return cli;
}

test('a Python Automation API program creates, previews and destroys aicloud resources with the real CLI', async (t) => {
  const cli = pulumiCli();
  const work = mkdtempSync(join(tmpdir(), 'aicloud-python-auto-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const python = installPythonSdk(work);
  // A folder plugin of the binary kind: the CLI runs `pulumi-resource-aicloud` from it.
  const pluginDir = join(work, 'plugin');
  mkdirSync(pluginDir);
  symlinkSync(PLUGIN, join(pluginDir, 'pulumi-resource-aicloud'));
  const project = join(work, 'project');
  mkdirSync(project);

  const run = spawnSync(python, [PROGRAM, project, cli, pluginDir], { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
  assert.match(out.url, /^https?:\/\/\S+$/);
  delete out.url;
  assert.deepEqual(out, {
    created: 3, // the stack, the cluster, the endpoint
    acceleratorCount: 8,
    apiKeySecret: true,
    apiKeyInState: false,
    noChanges: {},
    deleted: 3,
  });
});
