// The real terraform binary applies a queue and a 48-server gang that waits in it: the create waits
// within its `timeouts` block and fails naming the pending reason; a second apply waits while an
// admin defragments the zone, and the gang is admitted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, testServer } from '../controlplane/helpers.ts';
import { createWorkspace, PROVIDER_BLOCK, skipReason, type Workspace } from '../terraform/terraform-workspace.ts';
import { fragmentZone, until } from './fragments.ts';

const config = (timeout: string) => `
resource "aicloud_queue" "training" {
  name   = "training"
  quotas = [{ accelerator_type = "ascend-910c", nominal = 384 }]
}

resource "aicloud_cluster" "gang" {
  name             = "gang"
  zone             = "cn-southwest-2a"
  accelerator_type = "ascend-910c"
  node_count       = 48
  placement        = "supernode"
  queue            = aicloud_queue.training.name

  timeouts {
    create = "${timeout}"
  }
}
`;

describe('terraform: a queued 48-server gang', { skip: skipReason() }, () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  let ws: Workspace;
  let firstId = '';
  before(async () => {
    s = await testServer();
    await fragmentZone(s.call);
    ws = await createWorkspace({ AICLOUD_ENDPOINT: s.url, AICLOUD_TOKEN: ADMIN });
    ws.write({ 'main.tf': PROVIDER_BLOCK + config('2s') });
    await ws.ok(['init', '-input=false', '-no-color']);
  });
  after(async () => {
    ws?.cleanup();
    await s?.close();
  });

  test('the create waits up to its timeout, then fails with the pending reason and keeps the id', async () => {
    const r = await ws.tf(['apply', '-auto-approve', '-input=false', '-no-color']);
    assert.equal(r.code, 1, r.stdout);
    const out = (r.stdout + r.stderr).replace(/\s+/g, ' ');
    assert.match(out, /waiting for 48 ascend-910c servers in one supernode; position 1; reserved sn-\d+ since/);
    const state = await ws.tf(['state', 'list', '-no-color']);
    assert.match(state.stdout, /aicloud_cluster\.gang/, 'the waiting cluster stays in state (tainted), so nothing leaks');
    firstId = (await s.call('GET', '/v1/projects/default/clusters/gang')).body.id;
  });

  test('an apply that waits while the zone is defragmented ends with the gang admitted', async () => {
    ws.write({ 'main.tf': PROVIDER_BLOCK + config('10m') });
    const apply = ws.tf(['apply', '-auto-approve', '-input=false', '-no-color']);
    // The tainted gang is replaced: wait until the new one waits in the queue, then defragment.
    await until(
      () => s.call('GET', '/v1/admin/queues'),
      (r) => r.body.pending.length === 1 && r.body.pending[0].id !== firstId && r.body.reservations.length === 1,
      'the new gang waiting with a reservation',
      100_000,
    );
    const d = await s.call('POST', '/v1/admin/defragment', {});
    assert.equal(d.body.movesStarted.length, 1, JSON.stringify(d.body));
    const r = await apply;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const gang = (await s.call('GET', '/v1/projects/default/clusters/gang')).body;
    assert.equal(gang.status, 'ready');
    assert.equal(gang.allocation.servers.length, 48);
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body.violations, []);
  });
});
