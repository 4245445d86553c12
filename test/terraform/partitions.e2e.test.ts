// The real terraform binary creates a MIG-partitioned cluster: the profile reaches the control plane,
// a second plan is empty, changing profile_count replaces it, and a request that fits nowhere or names a
// wrong profile fails the plan.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDER_BLOCK, terraformEngines } from './terraform-workspace.ts';
import { useTerraformCloud } from './terraform-cloud.ts';

const TOKEN = 'tf-e2e-admin-token-0123456789';

const mig = (profile: string, count: number) => `
resource "aicloud_cluster" "mig" {
  name                = "mig-a"
  zone                = "cn-southwest-2b"
  accelerator_type    = "nvidia-h200"
  node_count          = 1
  accelerator_profile = "${profile}"
  profile_count       = ${count}
}
`;

for (const engine of terraformEngines())
  describe(`${engine.name} and partitioned clusters`, () => {
    const env = useTerraformCloud(TOKEN, { engine, mainTf: mig('1g.18gb', 3) });

    test('apply creates the partitions and a second plan is empty', async () => {
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      const made = await env.cloud.get('Cluster', 'mig-a');
      assert.equal(made?.spec.acceleratorProfile, '1g.18gb');
      assert.equal(made?.spec.profileCount, 3);
      assert.equal((made?.allocation as { slices: unknown[] }).slices.length, 3);
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('changing profile_count replaces the cluster', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + mig('1g.18gb', 5) });
      const plan = await env.ws.planJson();
      const change = plan.changes.find((c) => c.address === 'aicloud_cluster.mig');
      assert.deepEqual(change?.actions, ['delete', 'create']);
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve', 'tfplan']);
      assert.equal(((await env.cloud.get('Cluster', 'mig-a'))?.allocation as { slices: unknown[] }).slices.length, 5);
    });

    test('a partition request that fits no server fails the plan on profile_count', async () => {
      // Every other server taken whole: only the partitioned one is left, with fewer than 8 accelerators free for 7g instances.
      await env.cloud.create('Cluster', { name: 'h200-rest', zone: 'cn-southwest-2b', acceleratorType: 'nvidia-h200', nodeCount: 15 });
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + mig('1g.18gb', 5) + mig('7g.141gb', 8).replace('"mig"', '"full"').replace('mig-a', 'mig-full') });
      const r = await env.ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /Cluster mig-full will not fit/);
      assert.match(r.stderr, /Lower profile_count/);
    });

    test('a profile of another type fails the plan, naming the attribute', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + mig('vir05_1c_16g', 1) });
      const r = await env.ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /accelerator_profile/);
      assert.match(r.stderr, /1g\.18gb/);
    });
  });
