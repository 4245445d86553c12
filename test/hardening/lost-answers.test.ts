import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { seededRandom } from '../../bench/soak/seeded-random.ts';
import { createProjectWithToken } from '../support/admin-api.ts';
import { assertConverged } from '../support/apply-checks.ts';
import { runCli } from '../support/cli.ts';
import { startControlPlane } from '../support/control-plane.ts';
import { startLossyProxy } from '../support/lossy-proxy.ts';
import { bigStack, writeStack } from '../support/stack-files.ts';
import { stackProject } from '../support/stack-project.ts';
import { tempDir } from '../support/temp-dir.ts';

const COUNT = 100;

// Writes whose answer is lost were carried out; a retry must neither do them twice nor fail on its own success.
test(`creates whose answers are lost are retried without doubling: ${COUNT} resources, a fifth of write answers dropped`, async (t) => {
  const dir = tempDir(t);
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'lossy');
  const random = seededRandom(3);
  const proxy = await startLossyProxy(cp.url, (method, path) => method === 'POST' && !path.includes(':preview') && random() < 0.2);
  t.after(() => proxy.close());
  const stack = join(dir.path, 'stack');
  const declared = bigStack(COUNT, 'lst');
  writeStack(stack, declared);
  const env = { AICLOUD_ENDPOINT: proxy.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: 'lossy' };
  const run = await runCli(['apply', stack, '--auto-approve'], { env });
  const creates = proxy.dropped.filter((d) => /^POST \/v1\/projects\/lossy\/[a-z]+$/.test(d)).length;
  t.diagnostic(`${proxy.dropped.length} answers dropped, ${creates} of them creates`);
  assert.ok(creates > 0, 'no create answer was dropped, so nothing was proven');
  assert.equal(
    run.code,
    0,
    `apply failed:\n${run.stdout
      .split('\n')
      .filter((l) => /^Apply|failed:/.test(l))
      .slice(0, 5)
      .join('\n')}`,
  );
  await assertConverged(cp.url, cp.adminToken, 'lossy', declared);
});

test('scale-ups and deletes whose answers are lost still converge', async (t) => {
  const { cp, stack, declared, env: direct } = await stackProject(t, 'lossy2', 50, 'ls2');
  assert.equal((await runCli(['apply', stack, '--auto-approve'], { env: direct })).code, 0);

  const random = seededRandom(5);
  const proxy = await startLossyProxy(cp.url, (method) => (method === 'PATCH' || method === 'DELETE') && random() < 0.3);
  t.after(() => proxy.close());
  // Every cluster grows; every volume goes away.
  const next = declared.filter((r) => r.kind !== 'Volume').map((r) => (r.kind === 'Cluster' ? { ...r, spec: { ...r.spec, nodeCount: 2 } } : r));
  writeStack(stack, next);
  const run = await runCli(['apply', stack, '--auto-approve'], { env: { ...direct, AICLOUD_ENDPOINT: proxy.url } });
  t.diagnostic(`${proxy.dropped.length} answers dropped: ${[...new Set(proxy.dropped.map((d) => d.split(' ')[0]))].join(', ')}`);
  assert.ok(proxy.dropped.length > 0);
  assert.equal(
    run.code,
    0,
    `apply failed:\n${run.stdout
      .split('\n')
      .filter((l) => /^Apply|failed:/.test(l))
      .slice(0, 5)
      .join('\n')}`,
  );
  await assertConverged(cp.url, cp.adminToken, 'lossy2', next);
});
