import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudClient, createHttpTransport } from '../../provider/src/client/index.ts';
import { createProvider } from '../../provider/src/pulumi/index.ts';
import { providerPb, structPb } from '../../provider/src/pulumi/proto.ts';
import { SECRET_SIG, SIG_KEY } from '../../provider/src/pulumi/wire-values.ts';
import { createWorkspace, PROVIDER_BLOCK, terraformMissing } from '../terraform/terraform-workspace.ts';
import { apiRequest } from '../support/api-request.ts';
import { createProjectWithToken } from '../support/admin-api.ts';
import { runCli } from '../support/cli.ts';
import { spawnControlPlane, startControlPlane } from '../support/control-plane.ts';
import { sampleInputs } from '../support/sample-inputs.ts';
import { findSecrets } from '../support/secret-scan.ts';
import { writeStack, type StackResource } from '../support/stack-files.ts';
import { tempDir } from '../support/temp-dir.ts';

const { Struct } = structPb;

function endpointStack(prefix: string): StackResource[] {
  const strip = (o: Record<string, unknown>) => {
    const { name: _n, ...rest } = o;
    return rest;
  };
  return [
    { kind: 'Cluster', name: `${prefix}-c`, spec: strip(sampleInputs('Cluster', `${prefix}-c`)) },
    { kind: 'Bucket', name: `${prefix}-weights`, spec: strip(sampleInputs('Bucket', `${prefix}-weights`)) },
    {
      kind: 'ModelEndpoint',
      name: `${prefix}-chat`,
      spec: strip(sampleInputs('ModelEndpoint', `${prefix}-chat`, { cluster: `${prefix}-c`, bucket: `${prefix}-weights` })),
    },
  ];
}

test('GitOps: plans (text, markdown, json, saved), apply output and CLI logs never show the token or the API key', async (t) => {
  const dir = tempDir(t);
  const cp = await spawnControlPlane(t, { dataDir: join(dir.path, 'cp'), logLevel: 'debug' });
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'gitsec');
  const stack = join(dir.path, 'stack');
  const resources = endpointStack('gs');
  writeStack(stack, resources);
  const env = { AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: 'gitsec', AICLOUD_LOG_LEVEL: 'debug' };
  const texts: Record<string, string> = {};
  const keep = (name: string, r: { stdout: string; stderr: string }) => {
    texts[`${name} stdout`] = r.stdout;
    texts[`${name} stderr`] = r.stderr;
  };
  const applied = await runCli(['apply', stack, '--auto-approve'], { env });
  keep('apply', applied);
  assert.equal(applied.code, 0, applied.stderr.slice(-800));
  const ep = await apiRequest(cp.url, 'GET', '/v1/projects/gitsec/endpoints/gs-chat', { token });
  const apiKey = ep.body.outputs.apiKey as string;
  assert.ok(apiKey, 'the endpoint has an API key to look for');

  // A change to the endpoint, so the plans below have the endpoint's outputs in view.
  resources[2].spec.replicas = 2;
  writeStack(stack, resources);
  for (const format of ['text', 'markdown', 'json']) keep(`plan --format ${format}`, await runCli(['plan', stack, '--format', format], { env }));
  const saved = join(dir.path, 'plan.json');
  keep('plan --out', await runCli(['plan', stack, '--out', saved], { env }));
  texts['saved plan'] = readFileSync(saved, 'utf8');
  keep('apply saved plan', await runCli(['apply', saved], { env }));
  keep('plan with a bad token', await runCli(['plan', stack], { env: { ...env, AICLOUD_TOKEN: `${token}x` } }));
  keep('destroy', await runCli(['destroy', stack, '--auto-approve'], { env }));
  texts['control-plane logs'] = cp.stderr.text();

  assert.match(texts['plan --format text stdout'], /gs-chat/, 'the plan shows the endpoint');
  assert.deepEqual(findSecrets({ 'project token': token, 'endpoint api key': apiKey, 'admin token': cp.adminToken }, texts), []);
});

test('Pulumi: Create returns the endpoint API key wrapped as a secret and nothing else carries it', async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'pulsec');
  const client = new CloudClient({ transport: createHttpTransport(cp.url), token, project: 'pulsec' });
  t.after(() => client.close());
  const provider = createProvider({
    version: '0.1.0',
    schemaPath: new URL('../../schema/schema.json', import.meta.url),
    makeClient: async () => client,
    env: {},
  });
  const ctx = { method: 'test', signal: new AbortController().signal };
  await provider.rpcs.configure(new providerPb.ConfigureRequest().setArgs(Struct.fromJavaScript({})).setAcceptsecrets(true), ctx);
  const create = async (type: string, name: string, inputs: Record<string, unknown>) => {
    const res = await provider.rpcs.create(
      new providerPb.CreateRequest()
        .setUrn(`urn:pulumi:dev::sec::${type}::${name}`)
        .setType(type)
        .setProperties(Struct.fromJavaScript(inputs as never)),
      ctx,
    );
    return res.getProperties()!.toJavaScript() as Record<string, unknown>;
  };
  await create('aicloud:compute:Cluster', 'c', sampleInputs('Cluster', 'pc'));
  await create('aicloud:storage:Bucket', 'w', sampleInputs('Bucket', 'pulsec-weights'));
  const outputs = await create('aicloud:inference:ModelEndpoint', 'chat', sampleInputs('ModelEndpoint', 'pchat', { cluster: 'pc', bucket: 'pulsec-weights' }));
  const wrapped = outputs.apiKey as Record<string, unknown>;
  assert.equal(wrapped?.[SIG_KEY], SECRET_SIG, `apiKey is not wrapped as a secret: ${JSON.stringify(outputs.apiKey)?.slice(0, 80)}`);
  const apiKey = String(wrapped.value);
  const { apiKey: _k, ...rest } = outputs;
  assert.deepEqual(findSecrets({ 'endpoint api key': apiKey, 'project token': token }, { 'other outputs': JSON.stringify(rest) }), []);
});

test('Terraform: plan, apply and show output never print the token or the API key', { skip: terraformMissing() ?? false }, async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'default-tf');
  const ws = await createWorkspace({ AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: 'default-tf' });
  t.after(() => ws.cleanup());
  ws.write({
    'main.tf': `${PROVIDER_BLOCK}
resource "aicloud_cluster" "c" {
  name             = "tfs-c"
  zone             = "cn-southwest-2a"
  accelerator_type = "ascend-910c"
  node_count       = 1
}
resource "aicloud_bucket" "w" {
  name   = "tfs-weights"
  region = "cn-southwest-2"
}
resource "aicloud_model_endpoint" "chat" {
  name    = "tfs-chat"
  region  = "cn-southwest-2"
  cluster = aicloud_cluster.c.name
  model = {
    name                = "qwen-7b"
    bucket              = aicloud_bucket.w.name
    path                = "qwen/7b"
    parameters_billions = 7
    precision           = "bf16"
  }
  runtime = {
    framework      = "vllm-ascend"
    software_stack = "cann-8.1"
  }
  replicas                 = 1
  accelerators_per_replica = 1
}
output "api_key" {
  value     = aicloud_model_endpoint.chat.api_key
  sensitive = true
}
`,
  });
  const texts: Record<string, string> = {};
  for (const args of [
    ['init', '-input=false', '-no-color'],
    ['plan', '-input=false', '-no-color'],
    ['apply', '-input=false', '-no-color', '-auto-approve'],
    ['show', '-no-color'],
    ['plan', '-input=false', '-no-color'],
    ['output', '-no-color'],
  ]) {
    const r = await ws.tf(args);
    texts[`terraform ${args[0]} (${Object.keys(texts).length})`] = r.stdout + r.stderr;
    assert.equal(r.code, 0, `terraform ${args.join(' ')}:\n${r.stdout.slice(-800)}\n${r.stderr.slice(-800)}`);
  }
  const ep = await apiRequest(cp.url, 'GET', '/v1/projects/default-tf/endpoints/tfs-chat', { token });
  const apiKey = ep.body.outputs.apiKey as string;
  assert.ok(apiKey);
  assert.match(texts[Object.keys(texts)[3]], /sensitive/, 'terraform show does not mark the key sensitive');
  assert.deepEqual(findSecrets({ 'project token': token, 'endpoint api key': apiKey }, texts), []);
});
