// The real terraform binary draws on a capacity lease named in the provider block: the leased cluster gets
// exactly the leased servers, an update that grows a cluster gets the servers leased for that growth, and
// a released lease fails the apply with the reason.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLease, getLease, releaseLease } from '../../provider/src/client/index.ts';
import { PROVIDER_BLOCK, skipReason } from '../terraform/terraform-workspace.ts';
import { useTerraformCloud } from '../terraform/terraform-cloud.ts';

const TOKEN = 'tf-e2e-admin-token-0123456789';
const ZONE = 'cn-southwest-2a';

const config = (lease: string | undefined, name: string, nodeCount = 4) =>
  (lease === undefined ? PROVIDER_BLOCK : PROVIDER_BLOCK.replace('provider "aicloud" {}', `provider "aicloud" {\n  lease = "${lease}"\n}`)) +
  `
resource "aicloud_cluster" "leased" {
  name             = "${name}"
  zone             = "${ZONE}"
  accelerator_type = "ascend-910c"
  node_count       = ${nodeCount}
  placement        = "supernode"
}
`;

const request = (name: string) => ({ action: 'create' as const, name, zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 4, placement: 'supernode' });

describe('terraform and capacity leases', { skip: skipReason() }, () => {
  const env = useTerraformCloud(TOKEN);

  test('a cluster the lease holds gets exactly the leased placement', async () => {
    const lease = await createLease(env.cloud, { requests: [request('tf-leased')], ttlSeconds: 600, planDigest: 'sha256:tf' });
    env.ws.write({ 'main.tf': config(lease.id, 'tf-leased') });
    await env.ws.ok(['init', '-input=false', '-no-color']);
    await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
    const made = await env.cloud.get('Cluster', 'tf-leased');
    assert.deepEqual((made!.allocation as { servers: string[] }).servers, lease.holdings[0]!.allocation.servers);
    assert.equal((await getLease(env.cloud, lease.id)).status, 'consumed');
    await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
  });

  test("terraform plan counts the lease's accelerators as the leased cluster's, in a zone full for everyone else", async () => {
    for (const name of ['fill-1', 'fill-2', 'fill-3'])
      await env.cloud.create('Cluster', { name, zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' });
    const lease = await createLease(env.cloud, { requests: [{ ...request('tf-big'), nodeCount: 40 }], ttlSeconds: 600, planDigest: 'sha256:big' });
    env.ws.write({ 'main.tf': config(lease.id, 'tf-big', 40) });
    const plan = await env.ws.tf(['plan', '-input=false', '-no-color']);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    assert.doesNotMatch(plan.stderr, /will not fit/);
    await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
    const made = await env.cloud.get('Cluster', 'tf-big');
    assert.deepEqual((made!.allocation as { servers: string[] }).servers, lease.holdings[0]!.allocation.servers);
  });

  test('an update that grows a cluster draws on the servers the lease holds for that growth, in a zone full for everyone else', async () => {
    env.ws.write({ 'main.tf': config(undefined, 'tf-grow') });
    await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
    const before = ((await env.cloud.get('Cluster', 'tf-grow'))!.allocation as { servers: string[] }).servers;
    const lease = await createLease(env.cloud, { requests: [{ action: 'grow', name: 'tf-grow', nodeCount: 8 }], ttlSeconds: 600, planDigest: 'sha256:tfg' });
    const leased = lease.holdings[0]!.allocation.servers;
    assert.equal(leased.length, 4);
    // Everything else in the zone is taken: the growth fits only through the lease, at plan and at apply.
    const free = ((await env.cloud.capacity({ zone: ZONE })) as { supernodes: { wholeServersFree: number }[] }).supernodes.reduce(
      (n, sn) => n + sn.wholeServersFree,
      0,
    );
    await env.cloud.create('Cluster', { name: 'fill-4', zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: free, placement: 'zone' });
    env.ws.write({ 'main.tf': config(lease.id, 'tf-grow', 8) });
    const plan = await env.ws.tf(['plan', '-input=false', '-no-color']);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    assert.doesNotMatch(plan.stderr, /will not fit/);
    await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
    const after = ((await env.cloud.get('Cluster', 'tf-grow'))!.allocation as { servers: string[] }).servers;
    assert.deepEqual([...after].sort(), [...before, ...leased].sort());
    assert.equal((await getLease(env.cloud, lease.id)).status, 'consumed');
    await env.cloud.delete('Cluster', 'fill-4');
  });

  test('a released lease fails the apply, saying why', async () => {
    const lease = await createLease(env.cloud, { requests: [request('tf-late')], ttlSeconds: 600, planDigest: 'sha256:tf2' });
    await releaseLease(env.cloud, lease.id);
    env.ws.write({ 'main.tf': config(lease.id, 'tf-late') });
    const r = await env.ws.tf(['apply', '-input=false', '-no-color', '-auto-approve']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr.replace(/\s+/g, ' '), new RegExp(`lease ${lease.id} was released at .*its accelerators were freed`));
  });

  test('a lease id of the wrong shape is refused at configuration', async () => {
    env.ws.write({ 'main.tf': config('not-a-lease', 'tf-x') });
    const r = await env.ws.tf(['plan', '-input=false', '-no-color']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Invalid provider lease/);
  });
});
