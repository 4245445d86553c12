import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBin, runInProcess, scratch } from './harness.ts';

test('plan, apply, plan again: exit codes 2, 0 and 0 through the real bin', async () => {
  const s = await scratch();
  try {
    const env = { AICLOUD_DATA_DIR: s.dataDir };
    const first = await runBin(['plan', s.stackDir, '--detailed-exitcode'], env);
    assert.equal(first.code, 2, first.stderr);
    assert.match(first.stdout, /Plan: 6 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged\./);
    assert.match(first.stdout, /Cluster\/train-a: 256 ascend-910c \(32 servers, supernode\) -> cn-southwest-2a \/ sn-\d+/);

    const apply = await runBin(['apply', s.stackDir, '--auto-approve'], env);
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /Apply complete: 6 created/);
    assert.match(apply.stdout, /url: https:\/\/deepseek-r1\./);
    // Non-TTY progress is one line per event.
    assert.match(apply.stderr, /ModelEndpoint\/deepseek-r1: created after/);

    const again = await runBin(['plan', s.stackDir, '--detailed-exitcode'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /No changes\./);
  } finally {
    await s.cleanup();
  }
});

test('a manifest error names file:line:column, field, value and hint, exits 1 and prints no stack', async () => {
  const s = await scratch();
  try {
    const path = join(s.stackDir, 'training.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('nodeCount: 32', 'nodeCount: 5000'));
    const result = await runBin(['plan', s.stackDir], { AICLOUD_DATA_DIR: s.dataDir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /training\.yaml:13:14: spec\.nodeCount: .*5000/);
    assert.match(result.stderr, /hint: /);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for a user error');
  } finally {
    await s.cleanup();
  }
});

test('a scaled cluster is updated in place and the plan shows the field diff', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const path = join(s.stackDir, 'training.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('nodeCount: 32', 'nodeCount: 40'));
    const plan = await runInProcess([...base, 'plan', s.stackDir, '--detailed-exitcode']);
    assert.equal(plan.code, 2);
    assert.match(plan.stdout, /~ Cluster\/train-a will be updated in place\n\s+~ nodeCount: 32 -> 40/);
    assert.match(plan.stdout, /\+64 ascend-910c \(to 40 servers, supernode\)/);
    const apply = await runInProcess([...base, 'apply', s.stackDir, '--auto-approve']);
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /Apply complete: 1 updated/);
  } finally {
    await s.cleanup();
  }
});

test('a saved plan is applied exactly, even after the manifests change', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    const planFile = join(s.root, 'plan.json');
    const saved = await runInProcess([...base, 'plan', s.stackDir, '--out', planFile, '--format', 'json']);
    assert.equal(saved.code, 0, saved.stderr);
    assert.deepEqual(JSON.parse(saved.stdout), JSON.parse(await readFile(planFile, 'utf8')));
    // Edits after review must not sneak into the apply.
    await rm(join(s.stackDir, 'inference.yaml'));
    const apply = await runInProcess([...base, 'apply', planFile]);
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /Apply complete: 6 created/);
  } finally {
    await s.cleanup();
  }
});

test('a saved plan is refused when the stack moved since it was made', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const path = join(s.stackDir, 'training.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('nodeCount: 32', 'nodeCount: 36'));
    const planFile = join(s.root, 'plan.json');
    assert.equal((await runInProcess([...base, 'plan', s.stackDir, '--out', planFile])).code, 0);
    // Someone else applies a different change first.
    await writeFile(path, (await readFile(path, 'utf8')).replace('nodeCount: 36', 'nodeCount: 34'));
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const stale = await runInProcess([...base, 'apply', planFile]);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /PLAN_STALE/);
    assert.match(stale.stderr, /Cluster\/train-a changed \(resourceVersion \d+ -> \d+\)/);
  } finally {
    await s.cleanup();
  }
});

test('removing a manifest prunes the resource, but a protected one fails the plan', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const inference = join(s.stackDir, 'inference.yaml');
    const text = await readFile(inference, 'utf8');
    // Drop the endpoint document (the last one).
    await writeFile(inference, text.slice(0, text.lastIndexOf('---')));
    const prune = await runInProcess([...base, 'plan', s.stackDir]);
    assert.equal(prune.code, 0, prune.stderr);
    assert.match(prune.stdout, /- ModelEndpoint\/deepseek-r1 will be deleted/);

    await rm(join(s.stackDir, 'storage.yaml'));
    const blocked = await runInProcess([...base, 'plan', s.stackDir]);
    assert.equal(blocked.code, 1);
    assert.match(blocked.stdout, /PROTECTED_RESOURCE: Bucket\/fm-weights-deepseek is protected/);
    const apply = await runInProcess([...base, 'apply', s.stackDir, '--auto-approve']);
    assert.equal(apply.code, 1);
    assert.match(apply.stderr, /PROTECTED_RESOURCE/);
  } finally {
    await s.cleanup();
  }
});

test('without a terminal, apply refuses unless --auto-approve; with one it asks', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    const refused = await runInProcess([...base, 'apply', s.stackDir]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /APPROVAL_REQUIRED/);
    const declined = await runInProcess([...base, 'apply', s.stackDir], { interactive: true, answer: 'no' });
    assert.equal(declined.code, 1);
    assert.match(declined.stderr, /cancelled/);
    const accepted = await runInProcess([...base, 'apply', s.stackDir], { interactive: true, answer: 'yes' });
    assert.equal(accepted.code, 0, accepted.stderr);
  } finally {
    await s.cleanup();
  }
});

test('--refresh-only reports drift made behind git, and such a plan cannot be applied', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    // Someone scales the cluster through the API, not through git.
    const { CloudClient } = await import('../../provider/src/client/index.ts');
    const client = await CloudClient.connect({ dataDir: s.dataDir });
    try {
      await client.update('Cluster', 'train-a', { nodeCount: 30 });
    } finally {
      await client.close();
    }
    const planFile = join(s.root, 'refresh.json');
    const refresh = await runInProcess([...base, 'plan', s.stackDir, '--refresh-only', '--detailed-exitcode', '--out', planFile]);
    assert.equal(refresh.code, 2, refresh.stderr);
    assert.match(refresh.stdout, /^Refresh \(drift only, nothing will change\)/);
    assert.match(refresh.stdout, /~ nodeCount: 30 -> 32/);
    const apply = await runInProcess([...base, 'apply', planFile]);
    assert.equal(apply.code, 1);
    assert.match(apply.stderr, /refresh-only plan/);
  } finally {
    await s.cleanup();
  }
});
