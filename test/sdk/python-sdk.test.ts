import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPythonSdk } from './harness/python-venv.ts';
import { enginePath } from '../support/engines.ts';

// The Python SDK as users meet it: `pip install ./sdk/python` into a virtual environment with Pulumi's
// Python SDK from PyPI, then a program under Pulumi's mocks and an Automation API program under the
// real Pulumi CLI. One file, so the two tests take turns with the shared environment.
const MOCK_PROGRAM = fileURLToPath(new URL('./fixtures/python_mocks.py', import.meta.url));
const AUTOMATION_PROGRAM = fileURLToPath(new URL('./fixtures/python_automation.py', import.meta.url));
const PLUGIN = fileURLToPath(new URL('../../bin/pulumi-resource-aicloud.mjs', import.meta.url));

test('sdk/python installs with pip and runs a program under mocks', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'aicloud-python-sdk-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const python = installPythonSdk(work);

  const run = spawnSync(python, [MOCK_PROGRAM], { cwd: work, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
  assert.deepEqual(out, {
    clusterId: 'infer-a-id',
    acceleratorCount: 16,
    status: 'running',
    endpointCluster: 'infer-a',
    url: 'https://qwen.endpoints.example',
    keyLength: 7,
    urn: 'urn:pulumi:test::sdk-python::pulumi:pulumi:Stack$aicloud:compute:Cluster::infer-a',
  });
});

test('a Python Automation API program creates, previews and destroys aicloud resources with the real CLI', async (t) => {
  const cli = enginePath('pulumi');
  const work = mkdtempSync(join(tmpdir(), 'aicloud-python-auto-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const python = installPythonSdk(work);
  // A folder plugin of the binary kind: the CLI runs `pulumi-resource-aicloud` from it.
  const pluginDir = join(work, 'plugin');
  mkdirSync(pluginDir);
  symlinkSync(PLUGIN, join(pluginDir, 'pulumi-resource-aicloud'));
  const project = join(work, 'project');
  mkdirSync(project);

  const run = spawnSync(python, [AUTOMATION_PROGRAM, project, cli, pluginDir], { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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
