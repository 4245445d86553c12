// The real terraform engines and a cluster listing several accelerator types: with the preferred type
// full it is created on the next one, the accelerator_type output says so, and a second plan is empty;
// dropping the type it does not run on updates it in place.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDER_BLOCK, terraformEngines } from './terraform-workspace.ts';
import { useTerraformCloud } from './terraform-cloud.ts';

const TOKEN = 'tf-e2e-admin-token-0123456789';

const config = `
resource "aicloud_cluster" "all_h200" {
  name             = "all-h200"
  zone             = "cn-southwest-2b"
  accelerator_type = "nvidia-h200"
  node_count       = 16
  placement        = "zone"
}

resource "aicloud_cluster" "either" {
  name              = "either"
  zone              = "cn-southwest-2b"
  accelerator_types = ["nvidia-h200", "ascend-910c"]
  node_count        = 2
  placement         = "zone"
  depends_on        = [aicloud_cluster.all_h200]
}

output "chosen" {
  value = aicloud_cluster.either.accelerator_type
}
`;

for (const engine of terraformEngines())
  describe(`${engine.name} and a cluster listing several accelerator types`, () => {
    const env = useTerraformCloud(TOKEN, { engine, mainTf: config });

    test('apply places it on the first listed type that fits, the output names it, and a second plan is empty', async () => {
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      const made = await env.cloud.get('Cluster', 'either');
      assert.equal(made?.outputs?.acceleratorType, 'ascend-910c');
      const out = await env.ws.ok(['output', '-raw', 'chosen']);
      assert.equal(out.stdout.trim(), 'ascend-910c');
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('dropping the type it does not run on updates it in place; applying keeps the cluster and its type', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + config.replace('["nvidia-h200", "ascend-910c"]', '["ascend-910c"]') });
      const plan = await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 2);
      assert.match(plan.stdout, /aicloud_cluster\.either will be updated in-place/);
      assert.doesNotMatch(plan.stdout, /must be replaced/);
      const id = (await env.cloud.get('Cluster', 'either'))?.id;
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      const kept = await env.cloud.get('Cluster', 'either');
      assert.equal(kept?.id, id);
      assert.equal(kept?.outputs?.acceleratorType, 'ascend-910c');
      assert.deepEqual(kept?.spec.acceleratorTypes, ['ascend-910c']);
    });
  });
