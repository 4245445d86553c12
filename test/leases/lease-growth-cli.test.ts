// `aicloud plan --lease` on a plan that grows a running cluster and adds a queued endpoint to it: the lease
// holds the server the growth adds and the endpoint's replicas on it, `aicloud capacity` lists both, the
// rest of the zone can be taken by others but not those, and `aicloud apply plan.json` gets exactly them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/index.ts';
import { cliSuite } from '../queues/cli-suite.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2a';

const endpoint = (name: string, extra = '') => `---
apiVersion: aicloud.dev/v1
kind: ModelEndpoint
metadata:
  name: ${name}
spec:
  region: cn-southwest-2
  cluster: serve
  model:
    name: qwen-7b
    bucket: qwen-weights-lease-test
    path: qwen/
    parametersBillions: 7
  runtime:
    framework: mindie
    softwareStack: cann-8.1
  acceleratorsPerReplica: 8
  parallelism:
    tensor: 8
  replicas: 1
${extra}`;

const stack = (nodeCount: number, extra = '') => `apiVersion: aicloud.dev/v1
kind: Bucket
metadata:
  name: qwen-weights-lease-test
spec:
  region: cn-southwest-2
---
apiVersion: aicloud.dev/v1
kind: Queue
metadata:
  name: serving
spec:
  quotas:
    - acceleratorType: ascend-910c
      nominal: 64
---
apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: serve
spec:
  zone: ${ZONE}
  acceleratorType: ascend-910c
  nodeCount: ${nodeCount}
  placement: zone
${endpoint('holder')}${extra}`;

describe('aicloud plan --lease on a growth and an endpoint', () => {
  const suite = cliSuite('aicloud-lease-growth-cli-');
  const { env } = suite;

  it('holds the growth and the replicas, refuses them to others, and apply gets exactly them', async () => {
    const s = suite.s;
    await writeFile(join(suite.dir, 'stack.yaml'), stack(1));
    const first = await runCli(['apply', suite.dir, '--stack', 'g', '--auto-approve'], { env: env() });
    assert.equal(first.code, 0, first.stderr);

    await writeFile(join(suite.dir, 'stack.yaml'), stack(2, endpoint('chat', '  queue: serving\n')));
    const out = join(suite.dir, 'plan.json');
    const plan = await runCli(['plan', suite.dir, '--stack', 'g', '--out', out, '--lease', '30m'], { env: env() });
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stderr, /Leased 8 accelerators and the replicas of 1 endpoint inside their clusters for it until .* \(lease lse-[0-9a-f]+\)/);
    const saved = JSON.parse(await readFile(out, 'utf8'));
    const [grown, replicas] = saved.lease.holdings;
    assert.equal(`${grown.action} ${grown.address}`, 'grow Cluster/serve');
    assert.equal(grown.servers.length, 1);
    assert.equal(grown.acceleratorCount, 8);
    assert.equal(`${replicas.action} ${replicas.address}`, 'replicas ModelEndpoint/chat');
    assert.deepEqual(replicas.servers, grown.servers, 'the endpoint runs on the server the growth adds');
    const outcome = saved.placement.outcomes.find((o: { action: string }) => o.action === 'grow');
    assert.equal(outcome.servers.length, 2, 'the growth shows the whole allocation it leaves');
    assert.ok(outcome.servers.includes(grown.servers[0]));
    await s.invariantsClean('with the lease');

    const capacity = await runCli(['capacity'], { env: env() });
    assert.equal(capacity.code, 0, capacity.stderr);
    assert.match(capacity.stdout, /Cluster\/serve: grows by 8 ascend-910c to 2 servers in sn-\d+ \(1 servers\)/);
    assert.match(capacity.stdout, /ModelEndpoint\/chat: 1 replicas inside cluster serve in sn-\d+ \(1 servers\)/);

    // Someone else takes every free server of the zone: one more does not fit, and none is the leased one.
    const cap = await s.call('GET', `/v1/capacity?zone=${ZONE}`);
    const free = cap.body.supernodes.reduce((n: number, sn: { wholeServersFree: number }) => n + sn.wholeServersFree, 0);
    const greedy = { zone: ZONE, acceleratorType: 'ascend-910c', placement: 'zone' };
    const more = await s.call('POST', `${P}/clusters`, { ...greedy, name: 'greedy', nodeCount: free + 1 });
    assert.equal(more.body.code, 'CAPACITY_EXHAUSTED', JSON.stringify(more.body));
    const all = await s.call('POST', `${P}/clusters`, { ...greedy, name: 'greedy', nodeCount: free });
    assert.equal(all.status, 202, JSON.stringify(all.body));
    assert.ok(!all.body.resource.allocation.servers.includes(grown.servers[0]), 'the leased server was not taken');
    await s.invariantsClean('with the zone full');

    const apply = await runCli(['apply', out, '--auto-approve'], { env: env() });
    assert.equal(apply.code, 0, apply.stderr);
    const serve = (await s.call('GET', `${P}/clusters/serve`)).body;
    assert.equal(serve.allocation.servers.length, 2);
    assert.ok(serve.allocation.servers.includes(grown.servers[0]));
    const chat = (await s.call('GET', `${P}/endpoints/chat`)).body;
    assert.equal(chat.status, 'ready', chat.statusReason);
    assert.deepEqual(
      chat.outputs.replicaPlacements.flatMap((r: { servers: string[] }) => r.servers),
      replicas.servers,
    );
    assert.equal((await s.call('GET', `${P}/leases/${saved.lease.id}`)).body.status, 'consumed');
    await s.invariantsClean('after the apply');
  });
});
