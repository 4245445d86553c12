import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { providerPb } from '../../provider/src/pulumi/proto.ts';
import { Engine, CheckFailed } from './harness/engine.ts';
import { encode, secret } from './harness/engine-values.ts';
import { RpcFailure } from './harness/provider-client.ts';
import { startPlugin } from './harness/plugin-process.ts';
import type { PluginProcess } from './harness/plugin-process.ts';

// Start-up, configuration and validation: none of these reach the cloud, so no control plane is started.
let plugin: PluginProcess;
let engine: Engine;
const TOKEN = 'tok-this-is-a-very-secret-token-0001';

before(async () => {
  plugin = await startPlugin({ AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: '' });
  engine = new Engine(plugin.port);
});

after(async () => {
  engine.close();
  await plugin.stop();
});

test('the plugin prints only its port on stdout', () => {
  assert.equal(plugin.stdoutLines.length, 1);
  assert.match(plugin.stdoutLines[0], /^\d+$/);
});

test('handshake accepts secrets but not resource references or output values', async () => {
  const res = await engine.client.handshake();
  assert.deepEqual(
    { secrets: res.getAcceptSecrets(), resources: res.getAcceptResources(), outputs: res.getAcceptOutputs() },
    { secrets: true, resources: false, outputs: false },
  );
});

test('GetPluginInfo reports the package version', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../schema/schema.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal((await engine.client.getPluginInfo()).getVersion(), pkg.version);
});

test('GetSchema returns schema/schema.json', async () => {
  const res = await engine.client.call<InstanceType<typeof providerPb.GetSchemaResponse>>('getSchema', new providerPb.GetSchemaRequest().setVersion(0));
  const expected = await readFile(new URL('../../schema/schema.json', import.meta.url), 'utf8');
  assert.equal(res.getSchema(), expected);
});

test('a bad endpoint, token or project fails CheckConfig naming each field, without echoing the token', async () => {
  const bad = 'short-tok';
  const { checkFailures } = await engine.configure({ endpoint: 'ftp:/nowhere', token: secret(bad), project: 'Bad_Project' });
  assert.deepEqual(checkFailures.map((f) => f.property).sort(), ['endpoint', 'project', 'token']);
  assert.ok(
    checkFailures.every((f) => !f.reason.includes(bad)),
    'the token must not appear in a failure',
  );
});

test('CheckConfig keeps the token secret in what it returns', async () => {
  const res = await engine.client.call<InstanceType<typeof providerPb.CheckResponse>>(
    'checkConfig',
    new providerPb.CheckRequest()
      .setUrn(engine.urn('pulumi:providers:aicloud', 'p'))
      .setNews(encode({ token: TOKEN, project: 'team-a' }))
      .setOlds(encode({})),
  );
  const inputs = res.getInputs()!.toJavaScript() as Record<string, unknown>;
  assert.deepEqual(inputs.project, 'team-a');
  assert.notEqual(inputs.token, TOKEN);
  assert.deepEqual((inputs.token as Record<string, unknown>).value, TOKEN);
});

test('Configure refuses a bad setting from the stack variables with the field named', async () => {
  const req = new providerPb.ConfigureRequest().setArgs(encode({})).setAcceptsecrets(true);
  req.getVariablesMap().set('aicloud:config:region', 'Mars');
  await assert.rejects(engine.client.call('configure', req), (err: RpcFailure) => {
    assert.equal(err.code, GrpcStatus.INVALID_ARGUMENT);
    assert.deepEqual(
      err.propertyErrors?.map((e) => e.path),
      ['region'],
    );
    return true;
  });
});

test('DiffConfig: a new project replaces the provider, a new token updates it', async () => {
  const diff = async (olds: Record<string, unknown>, news: Record<string, unknown>) => {
    const res = await engine.client.call<InstanceType<typeof providerPb.DiffResponse>>(
      'diffConfig',
      new providerPb.DiffRequest().setUrn(engine.urn('pulumi:providers:aicloud', 'p')).setOlds(encode(olds)).setOldInputs(encode(olds)).setNews(encode(news)),
    );
    return { changes: res.getChanges(), replaces: res.getReplacesList(), diffs: res.getDiffsList() };
  };
  assert.deepEqual(await diff({ project: 'a' }, { project: 'a' }), { changes: providerPb.DiffResponse.DiffChanges.DIFF_NONE, replaces: [], diffs: [] });
  assert.deepEqual(await diff({ project: 'a' }, { project: 'b' }), {
    changes: providerPb.DiffResponse.DiffChanges.DIFF_SOME,
    replaces: ['project'],
    diffs: ['project'],
  });
  assert.deepEqual(await diff({ token: secret(TOKEN) }, { token: secret(`${TOKEN}x`) }), {
    changes: providerPb.DiffResponse.DiffChanges.DIFF_SOME,
    replaces: [],
    diffs: ['token'],
  });
});

test('invalid resource inputs fail Check with property paths, codes and hints', async () => {
  await engine.configure({ region: 'cn-southwest-2' });
  const failures = await engine
    .check(
      { type: 'aicloud:compute:Cluster', name: 'c', inputs: { name: 'Bad Name', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910x', nodeCount: -1 } },
      {},
    )
    .then((r) => r.failures);
  const props = failures.map((f) => f.property).sort();
  assert.ok(props.includes('acceleratorType') && props.includes('nodeCount') && props.includes('name'), JSON.stringify(failures));
  assert.ok(
    failures.every((f) => /\[[A-Z_]+\]/.test(f.reason)),
    'each reason carries its stable code',
  );
});

test("labels under aicloud.dev/ are refused by Check: they are aicloud's own and never come back as inputs", async () => {
  const inputs = {
    name: 'train-a',
    zone: 'cn-southwest-2a',
    acceleratorType: 'ascend-910c',
    nodeCount: 1,
    labels: { team: 'a', 'aicloud.dev/stack': 'gitops' },
  };
  const { failures } = await engine.check({ type: 'aicloud:compute:Cluster', name: 'c', inputs }, {});
  assert.deepEqual(
    failures.map((f) => f.property),
    ['labels["aicloud.dev/stack"]'],
  );
  assert.match(failures[0].reason, /managed by aicloud \[INVALID_VALUE\]/);
});

test('the up flow stops at a check failure before any create', async () => {
  const before = engine.client.calls.length;
  await assert.rejects(engine.up([{ type: 'aicloud:storage:Volume', name: 'v', inputs: { name: 'v1', zone: 'cn-southwest-2a', sizeGib: 0 } }]), CheckFailed);
  assert.deepEqual(engine.client.calls.slice(before), ['check']);
});

test('an unknown resource type is refused with the types the provider manages', async () => {
  await assert.rejects(engine.check({ type: 'aicloud:compute:Nope', name: 'n', inputs: {} }, {}), (err: RpcFailure) => {
    assert.equal(err.code, GrpcStatus.INVALID_ARGUMENT);
    assert.match(err.message, /aicloud:compute:Cluster/);
    return true;
  });
});

test('RPCs the provider does not offer answer UNIMPLEMENTED', async () => {
  await assert.rejects(engine.client.call('construct', new providerPb.ConstructRequest()), (err: RpcFailure) => err.code === GrpcStatus.UNIMPLEMENTED);
});

test('nothing secret reached the plugin log', () => {
  assert.ok(!plugin.stderr().includes(TOKEN));
});
