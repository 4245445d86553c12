import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { acceleratorLedger, createProjectWithToken, invariants, listEverything, setFaults } from '../support/admin-api.ts';
import { runCli } from '../support/cli.ts';
import { startControlPlane } from '../support/control-plane.ts';
import { faultSpec } from '../support/fault-spec.ts';
import { bigStack, bigStackAccelerators, writeStack } from '../support/stack-files.ts';
import { tempDir } from '../support/temp-dir.ts';

const COUNT = 200;

test(`a ${COUNT}-resource apply converges while 20% of requests fail with 5xx/429 and 10% of operations fail`, { todo: 'a failed create is retried with the same Idempotency-Key (the failure is replayed) and the planner treats status failed as unchanged' }, async (t) => {
  const dir = tempDir(t);
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'faulty');
  const stack = join(dir.path, 'big');
  const declared = bigStack(COUNT, 'flt');
  writeStack(stack, declared);
  await setFaults(cp.url, cp.adminToken, faultSpec({ errorRate: 0.2, operationFailureRate: 0.1 }));

  const run = await runCli(['apply', stack, '--auto-approve'], { env: { AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: 'faulty' } });
  const retries = run.stderr.split('\n').filter((l) => /retrying/.test(l)).length;
  t.diagnostic(`apply exit ${run.code}; ${retries} step retries logged`);
  // The checks below must see the cloud, not the faults.
  await setFaults(cp.url, cp.adminToken, undefined);

  const summary = run.stdout.split('\n').filter((l) => /^Apply|failed:/.test(l)).slice(0, 6).join('\n');
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
  const again = await runCli(['plan', stack, '--detailed-exitcode'], { env: { AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: 'faulty' } });
  assert.equal(again.code, 0, `the stack still has changes after a successful apply:\n${again.stdout.split('\n').filter((l) => /^Plan/.test(l)).join('\n')}`);
});

test('scale-ups converge when the control plane fails a third of the update operations', { todo: 'a failed update is retried with the If-Match of the plan, which the failed attempt already moved: PRECONDITION_FAILED' }, async (t) => {
  const dir = tempDir(t);
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'scaling');
  const stack = join(dir.path, 'scale');
  const declared = bigStack(40, 'scl');
  writeStack(stack, declared);
  const env = { AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: 'scaling' };
  const first = await runCli(['apply', stack, '--auto-approve'], { env });
  assert.equal(first.code, 0, first.stderr.slice(-800));

  for (const r of declared) if (r.kind === 'Cluster') r.spec.nodeCount = 2;
  writeStack(stack, declared);
  await setFaults(cp.url, cp.adminToken, 'opfail=0.33');
  const scaled = await runCli(['apply', stack, '--auto-approve'], { env });
  await setFaults(cp.url, cp.adminToken, undefined);
  const summary = scaled.stdout.split('\n').filter((l) => /^Apply|failed:/.test(l)).slice(0, 4).join('\n');
  assert.equal(scaled.code, 0, `the scale-up did not converge:\n${summary}`);
  const items = await listEverything(cp.url, token, 'scaling');
  const wrong = items.filter((r) => r.kind === 'Cluster' && (r.spec.nodeCount !== 2 || r.status !== 'ready' || r.allocation?.acceleratorCount !== 16));
  assert.deepEqual(wrong.map((r) => `${r.name}: ${r.spec.nodeCount} servers, ${r.allocation?.acceleratorCount} accelerators, ${r.status}`), []);
  assert.deepEqual(await invariants(cp.url, cp.adminToken), { ok: true, violations: [] });
});
