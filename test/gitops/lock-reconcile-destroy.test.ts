import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CloudClient } from '../../provider/src/client/index.ts';
import { startServer } from '../../controlplane/src/server.ts';
import { runBin, runInProcess, scratch } from './harness.ts';

test('a second apply fails fast naming the lock holder; force-unlock frees the stack', async () => {
  const s = await scratch();
  try {
    const client = await CloudClient.connect({ dataDir: s.dataDir });
    try {
      await client.lock('gitops', 'ci-job-17');
    } finally {
      await client.close();
    }
    const blocked = await runInProcess(['--data-dir', s.dataDir, 'apply', s.stackDir, '--auto-approve']);
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /STACK_LOCKED/);
    assert.match(blocked.stderr, /locked by ci-job-17 since \d{4}-\d\d-\d\dT/);

    // With a lock timeout the apply polls on a virtual clock and gives up at the deadline.
    const sleeps: number[] = [];
    let clock = Date.now();
    const waited = await runInProcess(['--data-dir', s.dataDir, 'apply', s.stackDir, '--auto-approve', '--lock-timeout', '3s'], {
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    assert.equal(waited.code, 1);
    assert.match(waited.stderr, /STACK_LOCKED/);
    assert.deepEqual(sleeps, [1000, 1000, 1000]);

    const unlock = await runInProcess(['--data-dir', s.dataDir, 'force-unlock', 'gitops']);
    assert.equal(unlock.code, 0);
    assert.match(unlock.stdout, /held by ci-job-17/);
    const apply = await runInProcess(['--data-dir', s.dataDir, 'apply', s.stackDir, '--auto-approve']);
    assert.equal(apply.code, 0, apply.stderr);
  } finally {
    await s.cleanup();
  }
});

test('reconcile --once applies drift and logs Ready/Synced per resource; a second round finds it in sync', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir, 'reconcile', s.stackDir, '--once'];
    const first = await runInProcess(base);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /round 1: drift found/);
    assert.match(first.stderr, /Cluster\/train-a Ready=True Synced=True status=ready/);
    assert.equal((first.stderr.match(/Ready=True Synced=True/g) ?? []).length, 6);
    const second = await runInProcess(base);
    assert.equal(second.code, 0);
    assert.match(second.stderr, /in sync/);
  } finally {
    await s.cleanup();
  }
});

test('reconcile loops until a signal, then stops between rounds', async () => {
  const s = await scratch();
  try {
    const controller = new AbortController();
    let rounds = 0;
    const result = await runInProcess(['--data-dir', s.dataDir, 'reconcile', s.stackDir, '--interval', '10s'], {
      signal: controller.signal,
      sleep: async (ms) => {
        assert.equal(ms, 10_000);
        rounds++;
        if (rounds === 2) controller.abort(new Error('SIGTERM'));
      },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /stopped after 2 rounds/);
  } finally {
    await s.cleanup();
  }
});

test('destroy deletes dependents first and refuses protected resources', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const refused = await runInProcess([...base, 'destroy', s.stackDir, '--auto-approve']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /PROTECTED_RESOURCE/);

    // Unprotect through the manifests, apply, then destroy.
    const storage = join(s.stackDir, 'storage.yaml');
    await writeFile(storage, (await readFile(storage, 'utf8')).replaceAll('aicloud.dev/protect: "true"', 'aicloud.dev/protect: "false"'));
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const destroyed = await runInProcess([...base, 'destroy', s.stackDir, '--auto-approve']);
    assert.equal(destroyed.code, 0, destroyed.stderr);
    assert.match(destroyed.stdout, /Apply complete: 6 deleted/);
    const lines = destroyed.stderr.split('\n');
    const endpointGone = lines.findIndex((l) => /ModelEndpoint\/deepseek-r1: deleted/.test(l));
    const clusterStart = lines.findIndex((l) => /Cluster\/infer-a: deleting/.test(l));
    assert.ok(endpointGone >= 0 && clusterStart > endpointGone, 'the endpoint goes before its cluster');
    const plan = await runInProcess([...base, 'plan', s.stackDir]);
    assert.match(plan.stdout, /Plan: 6 to create/);
  } finally {
    await s.cleanup();
  }
});

test('the CLI drives a control plane over HTTP the same way (server on port 0)', async () => {
  const s = await scratch();
  const token = 'test-admin-token-0123456789abcdef';
  const server = await startServer({ port: 0, memory: true, timeScale: 0, bootstrapToken: token, logLevel: 'silent' });
  try {
    const env = { AICLOUD_ENDPOINT: server.url, AICLOUD_TOKEN: token };
    const apply = await runBin(['apply', s.stackDir, '--auto-approve'], env);
    assert.equal(apply.code, 0, apply.stderr);
    assert.doesNotMatch(apply.stdout + apply.stderr, new RegExp(token), 'the token never reaches the output');
    const plan = await runBin(['plan', s.stackDir, '--detailed-exitcode', '--format', 'markdown'], env);
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /### aicloud plan: `gitops` \(no changes\)/);
    const capacity = await runBin(['capacity', '--zone', 'cn-southwest-2a'], env);
    assert.equal(capacity.code, 0, capacity.stderr);
    assert.match(capacity.stdout, /cn-southwest-2a\s+ascend-910c/);
    assert.match(capacity.stdout, /Occupancy/);
  } finally {
    await server.close();
    await s.cleanup();
  }
});
