// The real terraform binary runs a model endpoint on MIG instances: accelerator_profile reaches the
// control plane, each replica names its instance, a second plan is empty, a wrong profile or replicas
// beyond the free instances fail the plan on the attribute (only warn with a queue), and a new profile
// replaces the endpoint.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDER_BLOCK, terraformEngines } from './terraform-workspace.ts';
import { useTerraformCloud } from './terraform-cloud.ts';

const TOKEN = 'tf-e2e-admin-token-0123456789';

const cluster = (profile: string, count: number) => `
resource "aicloud_cluster" "mig" {
  name                = "mig-serve"
  zone                = "cn-southwest-2b"
  accelerator_type    = "nvidia-h200"
  node_count          = 1
  accelerator_profile = "${profile}"
  profile_count       = ${count}
}
`;

const endpoint = (profile: string, replicas: number, extra = '') => `
resource "aicloud_model_endpoint" "chat" {
  name    = "chat-mig"
  region  = "cn-southwest-2"
  cluster = aicloud_cluster.mig.name
${extra}  model = {
    name                = "qwen2.5-7b"
    bucket              = "weights"
    path                = "qwen/7b"
    parameters_billions = 7
    precision           = "int8"
  }
  runtime = {
    framework      = "vllm"
    software_stack = "cuda-12.4"
  }
  replicas                 = ${replicas}
  accelerators_per_replica = 1
  accelerator_profile      = "${profile}"
  context_length           = 4096
  sequences_per_replica    = 4
}
`;

type Placement = { servers: string[]; slice?: { accelerator: string; profile: string; start: number } };

for (const engine of terraformEngines())
  describe(`${engine.name} and endpoints on partition instances`, () => {
    const env = useTerraformCloud(TOKEN, { engine, mainTf: cluster('1g.18gb', 4) + endpoint('1g.18gb', 3) });

    test('apply places one replica per 1g.18gb instance and a second plan is empty', async () => {
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      const made = await env.cloud.get('ModelEndpoint', 'chat-mig');
      assert.equal(made?.spec.acceleratorProfile, '1g.18gb');
      const placements = made?.outputs?.replicaPlacements as Placement[];
      assert.equal(placements.length, 3);
      const instances = ((await env.cloud.get('Cluster', 'mig-serve'))?.allocation as { slices: { accelerator: string; start: number }[] }).slices.map(
        (s) => `${s.accelerator}@${s.start}`,
      );
      for (const p of placements) assert.ok(instances.includes(`${p.slice!.accelerator}@${p.slice!.start}`), JSON.stringify(p));
      assert.equal(new Set(placements.map((p) => `${p.slice!.accelerator}@${p.slice!.start}`)).size, 3);
      const state = await env.ws.ok(['state', 'show', '-no-color', 'aicloud_model_endpoint.chat']);
      assert.match(state.stdout, /profile\s+= "1g\.18gb"/);
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('a profile the cluster type does not have fails the plan, naming accelerator_profile', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster('1g.18gb', 4) + endpoint('1g.10gb', 3) });
      const r = await env.ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /acceleratorProfile 1g\.10gb is not a profile of nvidia-h200/);
      assert.match(r.stderr, /accelerator_profile/);
    });

    test('more replicas than free instances fail the plan on replicas', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster('1g.18gb', 4) + endpoint('1g.18gb', 5) });
      const r = await env.ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /ModelEndpoint chat-mig will not fit/);
      // Terraform wraps diagnostics at its terminal width, so words are compared with the line breaks taken out.
      assert.match(r.stderr.replace(/\s+/g, ' '), /4 fit: the cluster has 4 1g\.18gb instances/);
      assert.match(r.stderr, /replicas/);
    });

    test('more replicas than free instances only warn when the endpoint names a queue: it will wait for them', async () => {
      const queue = `
resource "aicloud_queue" "serving" {
  name   = "serving"
  quotas = [{ accelerator_type = "nvidia-h200", nominal = 1 }]
}
`;
      // chat-mig holds 3 of the 4 instances; a new endpoint asks for 2.
      const waiter = endpoint('1g.18gb', 2, '  queue   = aicloud_queue.serving.name\n').replace('"chat"', '"waiter"').replace('chat-mig', 'chat-wait');
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster('1g.18gb', 4) + endpoint('1g.18gb', 3) + queue + waiter });
      const r = await env.ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const out = (r.stdout + r.stderr).replace(/\s+/g, ' ');
      assert.match(out, /Warning: ModelEndpoint chat-wait will queue/);
      assert.match(out, /waits in queue serving: need 2 replicas x 1g\.18gb for chat-wait inside cluster mig-serve/);
      assert.doesNotMatch(out, /will not fit/);
    });

    test('a new profile replaces the endpoint, as a change of accelerators_per_replica does', async () => {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + cluster('2g.35gb', 3) + endpoint('2g.35gb', 3) });
      const plan = await env.ws.planJson();
      assert.deepEqual(plan.changes.find((c) => c.address === 'aicloud_model_endpoint.chat')?.actions, ['delete', 'create']);
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve', 'tfplan']);
      const placements = (await env.cloud.get('ModelEndpoint', 'chat-mig'))?.outputs?.replicaPlacements as Placement[];
      assert.deepEqual(
        placements.map((p) => p.slice?.profile),
        ['2g.35gb', '2g.35gb', '2g.35gb'],
      );
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
    });

    test('on a cluster of whole accelerators the instances are cut from its accelerators, and the plan checks them', async () => {
      const whole = `
resource "aicloud_cluster" "mig" {
  name             = "mig-serve"
  zone             = "cn-southwest-2b"
  accelerator_type = "nvidia-h200"
  node_count       = 1
}
`;
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + whole + endpoint('1g.18gb', 9) });
      await env.ws.ok(['apply', '-input=false', '-no-color', '-auto-approve']);
      const placements = (await env.cloud.get('ModelEndpoint', 'chat-mig'))?.outputs?.replicaPlacements as Placement[];
      assert.equal(placements.length, 9);
      assert.equal(new Set(placements.map((p) => p.slice!.accelerator)).size, 2, 'nine 1g instances cut from two accelerators');
      await env.ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0);
      // 56 instances fit one server's eight accelerators; 57 do not, and the plan says so on replicas.
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + whole + endpoint('1g.18gb', 57) });
      const r = await env.ws.tf(['plan', '-input=false', '-no-color']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /ModelEndpoint chat-mig will not fit/);
      assert.match(r.stderr.replace(/\s+/g, ' '), /at most 56 fit on one server/);
    });
  });
