import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonVenv } from './harness/python-venv.ts';

// The Python SDK as users meet it: `pip install ./sdk/python` into a virtual environment with Pulumi's
// Python SDK from PyPI, then a program under Pulumi's mocks.
const SDK = fileURLToPath(new URL('../../sdk/python/', import.meta.url));
const PROGRAM = fileURLToPath(new URL('./fixtures/python_mocks.py', import.meta.url));

test('sdk/python installs with pip and runs a program under mocks', async (t) => {
  const python = pythonVenv();
  const work = mkdtempSync(join(tmpdir(), 'aicloud-python-sdk-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  // pip builds in the source folder; a copy keeps build/ and *.egg-info out of the checkout.
  cpSync(SDK, join(work, 'sdk'), { recursive: true });
  const pip = spawnSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-build-isolation', '--force-reinstall', '--no-deps', join(work, 'sdk')], { encoding: 'utf8' });
  assert.equal(pip.status, 0, pip.stdout + pip.stderr);
  const check = spawnSync(python, ['-m', 'pip', 'check', '--disable-pip-version-check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, `the SDK's declared dependencies are not met by the venv:\n${check.stdout}${check.stderr}`);

  const run = spawnSync(python, [PROGRAM], { cwd: work, encoding: 'utf8' });
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
