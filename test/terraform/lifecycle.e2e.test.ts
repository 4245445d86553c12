// The real terraform binary drives the provider through a resource's whole life against a control
// plane on port 0: validation, create, no perpetual diff, update in place, replace, drift, re-create
// after an out-of-band delete, an import block, and destroy.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { providerSchemas } from '../../provider/src/terraform/schema/provider-schemas.ts';
import { PROVIDER_ADDRESS, toSchemaJson } from '../../provider/src/terraform/schema/to-schema-json.ts';
import { PROVIDER_BLOCK, providerAddress, terraformEngines } from './terraform-workspace.ts';
import { useTerraformCloud } from './terraform-cloud.ts';

const TOKEN = 'tf-e2e-admin-token-0123456789';

const cluster = (attrs: { nodes?: number; type?: string } = {}) => `
resource "aicloud_cluster" "train" {
  name             = "train-a"
  zone             = "cn-southwest-2a"
  accelerator_type = "${attrs.type ?? 'ascend-910c'}"
  node_count       = ${attrs.nodes ?? 2}
  labels           = { team = "research" }

  timeouts {
    create = "5m"
  }
}
`;

const bucket = `
resource "aicloud_bucket" "weights" {
  name   = "tf-e2e-weights"
  region = "cn-southwest-2"
}
`;

for (const engine of terraformEngines())
  describe(`${engine.name} drives aicloud resources end to end`, () => {
    const env = useTerraformCloud(TOKEN, { engine, mainTf: cluster() + bucket });

    test('terraform reads the schema the CDKTF generator is fed', async () => {
      const r = await env.ws.ok(['providers', 'schema', '-json']);
      const expected = toSchemaJson(providerSchemas()) as { provider_schemas: Record<string, unknown> };
      // OpenTofu prints the same schema under its own registry's address.
      const schemas = { [providerAddress(engine)]: expected.provider_schemas[PROVIDER_ADDRESS] };
      assert.deepEqual(JSON.parse(r.stdout), { ...expected, provider_schemas: schemas });
    });

    test('validation errors name the attribute in snake_case', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster({ nodes: 0 }) });
      const r = await env.ws.ok(['validate', '-no-color'], 1);
      assert.match(r.stderr, /node_count/);
      assert.match(r.stderr, /must be >= 1/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster() + bucket });
    });

    test('plan shows the creates, apply makes them, and a second plan is empty', async () => {
      const plan = await env.ws.planJson();
      assert.equal(plan.code, 2);
      assert.deepEqual(
        plan.changes.map((c) => [c.address, c.actions]),
        [
          ['aicloud_bucket.weights', ['create']],
          ['aicloud_cluster.train', ['create']],
        ],
      );
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      const made = await env.cloud.get('Cluster', 'train-a');
      assert.equal(made?.spec.nodeCount, 2);
      assert.equal(made?.status, 'ready');
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('changing node_count updates in place', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster({ nodes: 3 }) + bucket });
      const plan = await env.ws.planJson();
      assert.deepEqual(plan.changes.find((c) => c.address === 'aicloud_cluster.train')?.actions, ['update']);
      const before = await env.cloud.get('Cluster', 'train-a');
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve', 'tfplan']);
      const afterUpdate = await env.cloud.get('Cluster', 'train-a');
      assert.equal(afterUpdate?.spec.nodeCount, 3);
      assert.equal(afterUpdate?.id, before?.id);
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('changing accelerator_type replaces the cluster', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster({ nodes: 3, type: 'ascend-910b' }) + bucket });
      const plan = await env.ws.planJson();
      const change = plan.changes.find((c) => c.address === 'aicloud_cluster.train');
      assert.deepEqual(change?.actions, ['delete', 'create']);
      assert.deepEqual(change?.replacePaths, [['accelerator_type']]);
      const before = await env.cloud.get('Cluster', 'train-a');
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve', 'tfplan']);
      const replaced = await env.cloud.get('Cluster', 'train-a');
      assert.equal(replaced?.spec.acceleratorType, 'ascend-910b');
      assert.notEqual(replaced?.id, before?.id);
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('an out-of-band change shows as drift and apply puts it back', async () => {
      await env.cloud.update('Cluster', 'train-a', { nodeCount: 4 });
      const plan = await env.ws.tf(['plan', '-input=false', '-no-color', '-detailed-exitcode']);
      assert.equal(plan.code, 2, plan.stdout + plan.stderr);
      assert.match(plan.stdout, /node_count\s+= 4 -> 3/);
      assert.match(plan.stdout, /updated in-place/);
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      assert.equal((await env.cloud.get('Cluster', 'train-a'))?.spec.nodeCount, 3);
    });

    test('an out-of-band delete plans a re-create', async () => {
      await env.cloud.delete('Bucket', 'tf-e2e-weights');
      const plan = await env.ws.planJson();
      assert.deepEqual(plan.changes.find((c) => c.address === 'aicloud_bucket.weights')?.actions, ['create']);
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve', 'tfplan']);
      assert.ok(await env.cloud.get('Bucket', 'tf-e2e-weights'));
    });

    test('an import block adopts a resource made elsewhere', async () => {
      await env.cloud.create('Volume', { name: 'scratch', zone: 'cn-southwest-2a', sizeGib: 100 });
      const volume = `
import {
  to = aicloud_volume.scratch
  id = "scratch"
}

resource "aicloud_volume" "scratch" {
  name     = "scratch"
  zone     = "cn-southwest-2a"
  size_gib = 100
}
`;
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster({ nodes: 3, type: 'ascend-910b' }) + bucket + volume });
      const plan = await env.ws.tf(['plan', '-input=false', '-no-color']);
      assert.match(plan.stdout, /1 to import, 0 to add, 0 to change, 0 to destroy/);
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('destroy removes everything', async () => {
      await env.ws.ok(['destroy', '-input=false', '-no-color', '-auto-approve']);
      assert.equal(await env.cloud.get('Cluster', 'train-a'), undefined);
      assert.equal(await env.cloud.get('Bucket', 'tf-e2e-weights'), undefined);
      assert.equal(await env.cloud.get('Volume', 'scratch'), undefined);
    });
  });
