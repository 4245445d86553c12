import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudClient } from '../../provider/src/client/index.ts';
import { isAicloudError, type Kind } from '../../core/index.ts';
import type { Plan } from '../../provider/src/plan/plan-types.ts';
import { acceleratorLedger, invariants, listEverything, setFaults } from '../support/admin-api.ts';
import { assertConverged } from '../support/apply-checks.ts';
import { runCli } from '../support/cli.ts';
import { faultSpec } from '../support/fault-spec.ts';
import { bigStackAccelerators, writeStack } from '../support/stack-files.ts';
import { stackProject } from '../support/stack-project.ts';

const COUNT = 200;

test(`a ${COUNT}-resource apply converges while 20% of requests fail with 5xx/429 and 10% of operations fail`, async (t) => {
  const { cp, token, stack, declared, env } = await stackProject(t, 'faulty', COUNT, 'flt');
  await setFaults(cp.url, cp.adminToken, faultSpec({ errorRate: 0.2, operationFailureRate: 0.1 }));

  const run = await runCli(['apply', stack, '--auto-approve'], { env });
  const retries = run.stderr.split('\n').filter((l) => /retrying/.test(l)).length;
  t.diagnostic(`apply exit ${run.code}; ${retries} step retries logged`);
  // The checks below must see the cloud, not the faults.
  await setFaults(cp.url, cp.adminToken, undefined);

  const summary = run.stdout
    .split('\n')
    .filter((l) => /^Apply|failed:/.test(l))
    .slice(0, 6)
    .join('\n');
  assert.equal(run.code, 0, `apply did not converge within its retry budget:\n${summary}`);
  assert.ok(retries > 0, 'no retries were needed, so the faults were not injected');
  const items = await listEverything(cp.url, token, 'faulty');
  assert.equal(items.length, declared.length, 'resource count differs from the declared count');
  assert.deepEqual(items.map((r) => `${r.kind}/${r.name}`).sort(), declared.map((r) => `${r.kind}/${r.name}`).sort());
  const notReady = items.filter((r) => r.status !== 'ready').map((r) => `${r.kind}/${r.name}: ${r.status} (${r.statusReason})`);
  assert.deepEqual(notReady, [], 'apply reported success with resources that are not ready');
  assert.deepEqual(await invariants(cp.url, cp.adminToken), { ok: true, violations: [] });
  const ledger = await acceleratorLedger(cp.url, cp.adminToken, ['faulty']);
  assert.deepEqual(ledger, { taken: bigStackAccelerators(COUNT), heldByClusters: bigStackAccelerators(COUNT) });

  // A second apply finds nothing to do: the first one left no half-made resource behind.
  const again = await runCli(['plan', stack, '--detailed-exitcode'], { env });
  assert.equal(
    again.code,
    0,
    `the stack still has changes after a successful apply:\n${again.stdout
      .split('\n')
      .filter((l) => /^Plan/.test(l))
      .join('\n')}`,
  );
});

test('scale-ups converge when the control plane fails a third of the update operations', async (t) => {
  const { cp, token, stack, declared, env } = await stackProject(t, 'scaling', 40, 'scl');
  const first = await runCli(['apply', stack, '--auto-approve'], { env });
  assert.equal(first.code, 0, first.stderr.slice(-800));

  for (const r of declared) if (r.kind === 'Cluster') r.spec.nodeCount = 2;
  writeStack(stack, declared);
  await setFaults(cp.url, cp.adminToken, 'opfail=0.33');
  const scaled = await runCli(['apply', stack, '--auto-approve'], { env });
  await setFaults(cp.url, cp.adminToken, undefined);
  const summary = scaled.stdout
    .split('\n')
    .filter((l) => /^Apply|failed:/.test(l))
    .slice(0, 4)
    .join('\n');
  assert.equal(scaled.code, 0, `the scale-up did not converge:\n${summary}`);
  const items = await listEverything(cp.url, token, 'scaling');
  const wrong = items.filter((r) => r.kind === 'Cluster' && (r.spec.nodeCount !== 2 || r.status !== 'ready' || r.allocation?.acceleratorCount !== 16));
  assert.deepEqual(
    wrong.map((r) => `${r.name}: ${r.spec.nodeCount} servers, ${r.allocation?.acceleratorCount} accelerators, ${r.status}`),
    [],
  );
  assert.deepEqual(await invariants(cp.url, cp.adminToken), { ok: true, violations: [] });
});

test('a rerun finishes what a run that gave up left failed: a failed create is replaced, a failed scale-up retried in place', async (t) => {
  const { cp, token, stack, declared, env } = await stackProject(t, 'rerun', 10, 'rrn');
  assert.equal((await runCli(['apply', stack, '--auto-approve'], { env })).code, 0);
  const poolBefore = (await listEverything(cp.url, token, 'rerun')).find((r) => r.name === 'rrn-kvcachepool-0');

  // The next change: the first cluster grows and a bucket is added. A run carries out its steps
  // while every operation fails, and gives up, as a run out of retries would.
  const next = [
    ...declared.map((r) => (r.name === 'rrn-cluster-0' ? { ...r, spec: { ...r.spec, nodeCount: 2 } } : r)),
    { kind: 'Bucket' as Kind, name: 'rrn-bucket-late', spec: { region: 'cn-southwest-2' } },
  ];
  writeStack(stack, next);
  const planned = await runCli(['plan', stack, '--format', 'json'], { env });
  const steps = (JSON.parse(planned.stdout) as Plan).steps.filter((s) => s.action !== 'no-op');
  assert.deepEqual(steps.map((s) => `${s.action} ${s.address}`).sort(), ['create Bucket/rrn-bucket-late', 'update Cluster/rrn-cluster-0']);
  await setFaults(cp.url, cp.adminToken, 'opfail=1');
  const client = await CloudClient.connect({ endpoint: cp.url, token, project: 'rerun' }, { retry: { maxAttempts: 1 } });
  t.after(() => client.close());
  for (const s of steps) {
    const attempt =
      s.action === 'create'
        ? client.create(s.kind as Kind, s.inputs!, { idempotencyKey: s.idempotencyKey! })
        : client.update(s.kind as Kind, s.name, s.patch!, { ifMatch: s.prior!.resourceVersion });
    await assert.rejects(attempt, (e) => isAicloudError(e) && e.code === 'OPERATION_FAILED');
  }
  await setFaults(cp.url, cp.adminToken, undefined);

  const replan = JSON.parse((await runCli(['plan', stack, '--format', 'json'], { env })).stdout) as Plan;
  const actions = Object.fromEntries(replan.steps.filter((s) => s.action !== 'no-op').map((s) => [s.address, s.action]));
  assert.deepEqual(actions, { 'Bucket/rrn-bucket-late': 'replace', 'Cluster/rrn-cluster-0': 'update' });
  for (const s of replan.steps.filter((x) => x.action !== 'no-op')) {
    assert.match(String(s.fields.find((f) => f.path === 'status')?.reason), /injected fault/, `${s.address} does not say why`);
  }
  const rerun = await runCli(['apply', stack, '--auto-approve'], { env });
  assert.equal(rerun.code, 0, rerun.stdout.slice(-800));
  await assertConverged(cp.url, cp.adminToken, 'rerun', next);
  // Retried in place: the pool on the grown cluster was never taken down.
  const poolAfter = (await listEverything(cp.url, token, 'rerun')).find((r) => r.name === 'rrn-kvcachepool-0');
  assert.equal(poolAfter?.id, poolBefore?.id);
  const again = await runCli(['plan', stack, '--detailed-exitcode'], { env });
  assert.equal(again.code, 0, 'changes remain after the rerun');
});
