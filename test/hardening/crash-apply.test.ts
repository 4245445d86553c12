import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createProjectWithToken } from '../support/admin-api.ts';
import { assertConverged, nthMatch } from '../support/apply-checks.ts';
import { runCli, spawnCli } from '../support/cli.ts';
import { spawnControlPlane, startControlPlane } from '../support/control-plane.ts';
import { bigStack, writeStack } from '../support/stack-files.ts';
import { sqliteIntegrity } from '../support/sqlite-integrity.ts';
import { stackProject } from '../support/stack-project.ts';
import { tempDir } from '../support/temp-dir.ts';

const COUNT = 60;
const CREATED = /: created after/;

test('kill -9 of the control plane mid-apply: restarted on the same data, the apply converges with nothing doubled', async (t) => {
  const dir = tempDir(t);
  const data = join(dir.path, 'cp');
  let cp = await spawnControlPlane(t, { dataDir: data });
  const admin = cp.adminToken;
  const token = await createProjectWithToken(cp.url, admin, 'crash');
  const stack = join(dir.path, 'stack');
  const declared = bigStack(COUNT, 'cpk');
  writeStack(stack, declared);
  const env = { AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: 'crash' };
  const first = spawnCli(['apply', stack, '--auto-approve', '--parallelism', '4'], { env });
  t.after(() => void first.child.kill('SIGKILL'));
  await first.stderr.waitFor(nthMatch(CREATED, 15));
  const port = new URL(cp.url).port;
  await cp.kill9();
  // The port the system gave the first process, so the apply still running rides through the outage
  // on its retries. Should another process have taken it meanwhile, a new port is fine: the first
  // apply is then ended, and the rerun below must still converge.
  let samePort = true;
  cp = await spawnControlPlane(t, { dataDir: data, port: Number(port) }).catch(async () => {
    samePort = false;
    first.child.kill('SIGKILL');
    return spawnControlPlane(t, { dataDir: data });
  });
  const firstDone = await first.done;
  t.diagnostic(`first apply, across the crash: exit ${firstDone.code}`);
  if (!samePort) assert.equal((await runCli(['force-unlock', 'stack'], { env: { ...env, AICLOUD_ENDPOINT: cp.url } })).code, 0);
  const second = await runCli(['apply', stack, '--auto-approve'], { env: { ...env, AICLOUD_ENDPOINT: cp.url } });
  assert.equal(second.code, 0, `rerun failed:\n${second.stdout.slice(-1500)}\n${second.stderr.slice(-1500)}`);
  await assertConverged(cp.url, admin, 'crash', declared);
});

test('kill -9 of the CLI mid-apply: the rerun names the dead holder, and after force-unlock adopts what the dead run made', async (t) => {
  const { cp, stack, declared, env } = await stackProject(t, 'clik', COUNT, 'clk');
  const first = spawnCli(['apply', stack, '--auto-approve', '--parallelism', '4'], { env });
  await first.stderr.waitFor(nthMatch(CREATED, 15));
  first.child.kill('SIGKILL');
  await first.done;

  const blocked = await runCli(['apply', stack, '--auto-approve'], { env });
  assert.notEqual(blocked.code, 0, 'a second apply ran while the dead run still held the lock');
  assert.match(blocked.stderr + blocked.stdout, new RegExp(`pid ${first.child.pid}`), 'the lock error does not name the dead holder');
  const unlock = await runCli(['force-unlock', 'stack'], { env });
  assert.equal(unlock.code, 0, unlock.stderr);
  const rerun = await runCli(['apply', stack, '--auto-approve'], { env });
  assert.equal(rerun.code, 0, `rerun failed:\n${rerun.stdout.slice(-1500)}\n${rerun.stderr.slice(-1500)}`);
  const created = rerun.stderr.split('\n').filter((l) => CREATED.test(l)).length;
  assert.ok(created < COUNT, 'the rerun created everything again instead of adopting what existed');
  await assertConverged(cp.url, cp.adminToken, 'clik', declared);
  const plan = await runCli(['plan', stack, '--detailed-exitcode'], { env });
  assert.equal(plan.code, 0, 'changes remain after the rerun');
});

test('kill -9 of the CLI running the embedded cloud: the database file stays whole and the rerun converges', async (t) => {
  const dir = tempDir(t);
  const data = join(dir.path, 'embedded');
  const stack = join(dir.path, 'stack');
  const declared = bigStack(COUNT, 'emb');
  writeStack(stack, declared);
  const args = ['--data-dir', data];
  const first = spawnCli([...args, 'apply', stack, '--auto-approve', '--parallelism', '4']);
  await first.stderr.waitFor(nthMatch(CREATED, 15));
  first.child.kill('SIGKILL');
  await first.done;

  const blocked = await runCli([...args, 'apply', stack, '--auto-approve']);
  if (blocked.code !== 0) {
    assert.match(blocked.stderr + blocked.stdout, /STACK_LOCKED|locked/i, `the rerun failed for another reason:\n${blocked.stderr.slice(-800)}`);
    assert.equal((await runCli([...args, 'force-unlock', 'stack'])).code, 0);
    const rerun = await runCli([...args, 'apply', stack, '--auto-approve']);
    assert.equal(rerun.code, 0, `rerun failed:\n${rerun.stdout.slice(-1500)}\n${rerun.stderr.slice(-1500)}`);
  }
  assert.equal(sqliteIntegrity(join(data, 'cloud.db')), 'ok');
  // The same database served over HTTP, so the checks are the ones every other test uses.
  const cp = await startControlPlane(t, { dataDir: data });
  await assertConverged(cp.url, cp.adminToken, 'default', declared);
});
