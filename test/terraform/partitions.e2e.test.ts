// The real terraform binary creates a MIG-partitioned cluster: the profile reaches the control plane,
// a second plan is empty, changing profile_count replaces it, and a request that fits nowhere or names a
// wrong profile fails the plan.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudClient } from '../../provider/src/client/index.ts';
import { startServer, type RunningServer } from '../../controlplane/src/index.ts';
import { createWorkspace, PROVIDER_BLOCK, terraformEngines, type Workspace } from './terraform-workspace.ts';

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
    let server: RunningServer;
    let ws: Workspace;
    let cloud: CloudClient;

    before(async () => {
      server = await startServer({ port: 0, memory: true, timeScale: 0, bootstrapToken: TOKEN, logLevel: 'silent' });
      ws = await createWorkspace({ AICLOUD_ENDPOINT: server.url, AICLOUD_TOKEN: TOKEN }, engine);
      cloud = await CloudClient.connect({ endpoint: server.url, token: TOKEN });
      ws.write({ 'main.tf': PROVIDER_BLOCK + mig('1g.18gb', 3) });
      await ws.ok(['init', '-input=false', '-no-color']);
    });

    after(async () => {
      ws?.cleanup();
      await server?.close();
    });

    test('apply creates the partitions and a second plan is empty', async () => {
      await ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      const made = await cloud.get('Cluster', 'mig-a');
      assert.equal(made?.spec.acceleratorProfile, '1g.18gb');
      assert.equal(made?.spec.profileCount, 3);
      assert.equal((made?.allocation as { slices: unknown[] }).slices.length, 3);
      await ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('changing profile_count replaces the cluster', async () => {
      ws.write({ 'main.tf': PROVIDER_BLOCK + mig('1g.18gb', 5) });
      const plan = await ws.planJson();
      const change = plan.changes.find((c) => c.address === 'aicloud_cluster.mig');
      assert.deepEqual(change?.actions, ['delete', 'create']);
      await ws.ok(['apply', '-input=false', '-no-color', '-auto-approve', 'tfplan']);
      assert.equal(((await cloud.get('Cluster', 'mig-a'))?.allocation as { slices: unknown[] }).slices.length, 5);
    });

    test('a partition request that fits no server fails the plan on profile_count', async () => {
      // Every other server taken whole: only the partitioned one is left, with fewer than 8 accelerators free for 7g instances.
      await cloud.create('Cluster', { name: 'h200-rest', zone: 'cn-southwest-2b', acceleratorType: 'nvidia-h200', nodeCount: 15 });
      ws.write({ 'main.tf': PROVIDER_BLOCK + mig('1g.18gb', 5) + mig('7g.141gb', 8).replace('"mig"', '"full"').replace('mig-a', 'mig-full') });
      const r = await ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /Cluster mig-full will not fit/);
      assert.match(r.stderr, /Lower profile_count/);
    });

    test('a profile of another type fails the plan, naming the attribute', async () => {
      ws.write({ 'main.tf': PROVIDER_BLOCK + mig('vir05_1c_16g', 1) });
      const r = await ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /accelerator_profile/);
      assert.match(r.stderr, /1g\.18gb/);
    });
  });
