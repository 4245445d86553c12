import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPythonSdk } from './harness/python-venv.ts';

// The Python SDK as users meet it: `pip install ./sdk/python` into a virtual environment with Pulumi's
// Python SDK from PyPI, then a program under Pulumi's mocks.
const PROGRAM = fileURLToPath(new URL('./fixtures/python_mocks.py', import.meta.url));

test('sdk/python installs with pip and runs a program under mocks', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'aicloud-python-sdk-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const python = installPythonSdk(work);

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
