// An endpoint placed at once (no queue) on a cluster that defragmentation is moving calls the move
// off: the cluster stays on its servers, so the replicas are never left behind on the move's source.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { endpointBody, testServer } from '../controlplane/helpers.ts';
import { fragmentZone } from './fragments.ts';

const P = '/v1/projects/default';

describe('an endpoint on a cluster that is being moved', () => {
  const clock = createVirtualClock();
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 1, clock });
  });
  after(() => s.close());

  const clean = (when: string) => s.invariantsClean(when);

  it('calls the move off and keeps the cluster where its replicas are', async () => {
    await fragmentZone(s.call);
    clock.advance(60_000);
    const g = await s.call('POST', `${P}/clusters`, {
      name: 'gang',
      zone: 'cn-southwest-2a',
      acceleratorType: 'ascend-910c',
      nodeCount: 48,
      placement: 'supernode',
      queue: 'fragments',
      priority: 10,
    });
    assert.equal(g.body.resource.status, 'pending', JSON.stringify(g.body));

    const d = await s.call('POST', '/v1/admin/defragment', {});
    assert.equal(d.status, 200, JSON.stringify(d.body));
    assert.equal(d.body.movesStarted.length, 1);
    const { owner, from } = d.body.movesStarted[0];
    assert.equal(d.body.movesInFlight, 1);
    const clusters = (await s.call('GET', `${P}/clusters`)).body.items as { id: string; name: string; status: string; allocation: { servers: string[] } }[];
    const frag = clusters.find((c) => c.id === owner)!;
    assert.equal(frag.status, 'updating');
    const serversBefore = [...frag.allocation.servers].sort();

    const e = await s.call(
      'POST',
      `${P}/endpoints`,
      endpointBody('on-moving', frag.name, { acceleratorsPerReplica: 8, parallelism: { tensor: 8 }, replicas: 1 }),
    );
    assert.equal(e.status, 202, JSON.stringify(e.body));
    const placed = e.body.resource.outputs.replicaPlacements as { servers: string[] }[];
    assert.equal(placed.length, 1);
    assert.ok(
      placed[0].servers.every((x) => serversBefore.includes(x)),
      `replica on ${placed[0].servers.join(', ')}, within ${serversBefore.join(', ')}`,
    );

    const after = (await s.call('GET', `${P}/clusters/${frag.name}`)).body;
    assert.equal(after.status, 'ready', after.statusReason);
    assert.deepEqual([...after.allocation.servers].sort(), serversBefore, `the cluster stays on ${from.join(', ')}`);
    const ops = (await s.call('GET', `${P}/operations?resource=${owner}`)).body.operations as {
      type: string;
      status: string;
      error?: { code: string; message: string };
    }[];
    const moveOp = ops.find((o) => o.type === 'update')!;
    assert.equal(moveOp.status, 'failed');
    assert.equal(moveOp.error!.code, 'CANCELLED');
    assert.match(moveOp.error!.message, /an endpoint was placed on its servers/);
    await clean('after the move was called off');

    // Time passes: the called-off move never completes, and the replicas stay inside the cluster.
    clock.advance(10 * 60_000);
    const later = (await s.call('GET', `${P}/clusters/${frag.name}`)).body;
    assert.deepEqual([...later.allocation.servers].sort(), serversBefore);
    const ep = (await s.call('GET', `${P}/endpoints/on-moving`)).body;
    assert.ok((ep.outputs.replicaPlacements[0].servers as string[]).every((x) => serversBefore.includes(x)));
    await clean('ten minutes later');
  });
});
