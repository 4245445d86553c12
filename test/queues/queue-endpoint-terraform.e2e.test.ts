// The real terraform binary applies an endpoint that waits in a queue for room in its cluster: the
// create waits within its `timeouts` block and fails naming the status, the pending reason and the
// id; a second apply waits while the cluster grows, and the endpoint is admitted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, endpointBody, testServer } from '../controlplane/helpers.ts';
import { createWorkspace, PROVIDER_BLOCK, skipReason, type Workspace } from '../terraform/terraform-workspace.ts';
import { until } from './fragments.ts';

const P = '/v1/projects/default';
const config = (timeout: string) => `
resource "aicloud_queue" "serving" {
  name   = "serving"
  quotas = [{ accelerator_type = "ascend-910c", nominal = 64 }]
}

resource "aicloud_model_endpoint" "chat" {
  name    = "chat"
  region  = "cn-southwest-2"
  cluster = "serve"
  queue   = aicloud_queue.serving.name
  model = {
    name                = "qwen-7b"
    bucket              = "weights"
    path                = "qwen/"
    parameters_billions = 7
  }
  runtime = {
    framework      = "mindie"
    software_stack = "cann-8.1"
  }
  replicas                 = 1
  accelerators_per_replica = 8
  parallelism              = { tensor = 8 }

  timeouts {
    create = "${timeout}"
  }
}
`;

describe('terraform: a queued endpoint', { skip: skipReason() }, () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  let ws: Workspace;
  let firstId = '';
  const clean = (when: string) => s.invariantsClean(when);
  before(async () => {
    s = await testServer();
    assert.equal(
      (await s.call('POST', `${P}/clusters`, { name: 'serve', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone' }))
        .status,
      202,
    );
    const holder = await s.call(
      'POST',
      `${P}/endpoints`,
      endpointBody('holder', 'serve', { acceleratorsPerReplica: 8, parallelism: { tensor: 8 }, replicas: 1 }),
    );
    assert.equal(holder.body.resource.status, 'ready', JSON.stringify(holder.body));
    ws = await createWorkspace({ AICLOUD_ENDPOINT: s.url, AICLOUD_TOKEN: ADMIN });
    ws.write({ 'main.tf': PROVIDER_BLOCK + config('2s') });
    await ws.ok(['init', '-input=false', '-no-color']);
  });
  after(async () => {
    ws?.cleanup();
    await s?.close();
  });

  test('plan warns that the endpoint will queue instead of failing', async () => {
    const r = await ws.tf(['plan', '-input=false', '-no-color']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const out = (r.stdout + r.stderr).replace(/\s+/g, ' ');
    assert.match(out, /Warning: ModelEndpoint chat will queue/);
    assert.match(out, /waits in queue serving: need 1 replica x 8 ascend-910c for chat inside cluster serve/);
  });

  test('the create waits up to its timeout, then fails with the status, the pending reason and the id', async () => {
    const r = await ws.tf(['apply', '-auto-approve', '-input=false', '-no-color']);
    assert.equal(r.code, 1, r.stdout);
    const out = (r.stdout + r.stderr).replace(/\s+/g, ' ');
    const state = await ws.tf(['state', 'list', '-no-color']);
    assert.match(state.stdout, /aicloud_model_endpoint\.chat/, 'the waiting endpoint stays in state (tainted), so nothing leaks');
    firstId = (await s.call('GET', `${P}/endpoints/chat`)).body.id;
    assert.ok(out.includes(`ModelEndpoint chat (id ${firstId}) is pending: waiting for 1 replica of 8 ascend-910c in cluster serve; position 1`), out);
    await clean('while the endpoint waits');
  });

  test('an apply that waits while the cluster grows ends with the endpoint admitted', async () => {
    ws.write({ 'main.tf': PROVIDER_BLOCK + config('10m') });
    const apply = ws.tf(['apply', '-auto-approve', '-input=false', '-no-color']);
    // The tainted endpoint is replaced: wait until the new one waits in the queue, then grow the cluster.
    await until(
      () => s.call('GET', '/v1/admin/queues'),
      (r) => r.body.pending.length === 1 && r.body.pending[0].id !== firstId,
      'the new endpoint waiting in its queue',
      100_000,
    );
    await clean('while the new endpoint waits');
    assert.equal((await s.call('PATCH', `${P}/clusters/serve`, { nodeCount: 2 })).status, 202);
    const r = await apply;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const chat = (await s.call('GET', `${P}/endpoints/chat`)).body;
    assert.equal(chat.status, 'ready');
    assert.equal(chat.outputs.replicaPlacements.length, 1);
    await clean('after admission');
  });
});
