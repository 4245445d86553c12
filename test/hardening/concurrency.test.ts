import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { acceleratorLedger, createProjectWithToken, invariants, listEverything } from '../support/admin-api.ts';
import { assertConverged } from '../support/apply-checks.ts';
import { runCli, spawnCli } from '../support/cli.ts';
import { startControlPlane } from '../support/control-plane.ts';
import { writeStack, type StackResource } from '../support/stack-files.ts';
import { sampleInputs } from '../support/sample-inputs.ts';
import { stackProject } from '../support/stack-project.ts';
import { tempDir } from '../support/temp-dir.ts';

test('two applies of one stack: the second fails on the lock naming the holder, or waits for it', async (t) => {
  const { cp, stack, declared, env } = await stackProject(t, 'twice', 60, 'two');
  const first = spawnCli(['apply', stack, '--auto-approve', '--parallelism', '2'], { env });
  // Once it is creating, it holds the lock; frozen there, it keeps holding it for as long as the test needs.
  await first.stderr.waitFor(/creating/);
  first.child.kill('SIGSTOP');
  const rival = await runCli(['apply', stack, '--auto-approve'], { env });
  const patient = spawnCli(['apply', stack, '--auto-approve', '--lock-timeout', '10m'], { env });
  first.child.kill('SIGCONT');
  const [a, c] = await Promise.all([first.done, patient.done]);
  assert.equal(a.code, 0, a.stderr.slice(-800));
  assert.notEqual(rival.code, 0, 'a second apply ran while the first held the lock');
  assert.match(rival.stderr + rival.stdout, /STACK_LOCKED|locked/, 'the refusal does not say the stack is locked');
  assert.match(rival.stderr + rival.stdout, new RegExp(`pid ${first.child.pid}`), 'the refusal does not name the holder');
  assert.equal(c.code, 0, `the waiting apply failed:\n${c.stderr.slice(-800)}`);
  assert.ok(!/: created after/.test(c.stderr), 'the waiting apply created resources the first had made');
  await assertConverged(cp.url, cp.adminToken, 'twice', declared);
});

/** Clusters of the scarce 910B servers of zone a: 32 servers in the default inventory. */
function scarceStack(prefix: string, n: number): StackResource[] {
  return Array.from({ length: n }, (_, i) => {
    const { name: _n, ...spec } = sampleInputs('Cluster', `${prefix}-${i}`);
    return { kind: 'Cluster' as const, name: `${prefix}-${i}`, spec: { ...spec, acceleratorType: 'ascend-910b', nodeCount: 2 } };
  });
}

test('two stacks race for scarce accelerators: no over-allocation, the loser gets a capacity error and resumes later', async (t) => {
  const dir = tempDir(t);
  const cp = await startControlPlane(t);
  const tokens = {
    red: await createProjectWithToken(cp.url, cp.adminToken, 'red'),
    blue: await createProjectWithToken(cp.url, cp.adminToken, 'blue'),
  };
  // 12 clusters of 2 servers each: either stack fits alone (24 of 32 servers), both together do not.
  const stacks = { red: scarceStack('red', 12), blue: scarceStack('blue', 12) };
  const envOf = (p: 'red' | 'blue') => ({ AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: tokens[p], AICLOUD_PROJECT: p });
  // Both plans are made while the accelerators are free, so each preview says it fits; the race is in apply.
  for (const p of ['red', 'blue'] as const) {
    writeStack(join(dir.path, p), stacks[p]);
    const planned = await runCli(['plan', join(dir.path, p), '--out', join(dir.path, `${p}.plan.json`)], { env: envOf(p) });
    assert.equal(planned.code, 0, planned.stderr.slice(-800));
  }
  const runs = await Promise.all(
    (['red', 'blue'] as const).map((p) => runCli(['apply', join(dir.path, `${p}.plan.json`), '--parallelism', '2'], { env: envOf(p) })),
  );
  const [red, blue] = runs;
  assert.deepEqual(await invariants(cp.url, cp.adminToken), { ok: true, violations: [] });
  const ledger = await acceleratorLedger(cp.url, cp.adminToken, ['red', 'blue']);
  assert.equal(ledger.taken, ledger.heldByClusters);
  assert.ok(ledger.taken <= 32 * 8, `over-allocated: ${ledger.taken} accelerators of 256 taken`);
  const losers = runs.filter((r) => r.code !== 0);
  assert.ok(losers.length >= 1, 'both stacks were applied in full, which the inventory cannot hold');
  for (const l of losers) assert.match(l.stdout + l.stderr, /CAPACITY_EXHAUSTED/, `the loser was not told it ran out of capacity:\n${l.stdout.slice(-600)}`);
  assert.match(losers.map((l) => l.stdout + l.stderr).join('\n'), /largest free block|free/i, 'the capacity error does not say what is free');

  // The loser's partial apply resumes once the winner lets go.
  const loser = red.code !== 0 ? 'red' : 'blue';
  const winner = loser === 'red' ? 'blue' : 'red';
  const partial = (await listEverything(cp.url, tokens[loser], loser)).length;
  t.diagnostic(`winner ${winner}, loser ${loser} got ${partial} of 12 clusters (red exit ${red.code}, blue exit ${blue.code})`);
  assert.ok(partial > 0 && partial < 12, `the loser's apply was not partial: ${partial} of 12`);
  const destroyed = await runCli(['destroy', join(dir.path, winner), '--auto-approve'], { env: envOf(winner) });
  assert.equal(destroyed.code, 0, destroyed.stderr.slice(-800));
  const resumed = await runCli(['apply', join(dir.path, loser), '--auto-approve'], { env: envOf(loser) });
  assert.equal(resumed.code, 0, `the loser could not resume:\n${resumed.stdout.slice(-800)}\n${resumed.stderr.slice(-800)}`);
  await assertConverged(cp.url, cp.adminToken, loser, stacks[loser]);
});
