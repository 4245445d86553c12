import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from '../allocator.ts';
import { req, testInventory } from '../testing.ts';
import type { PolicyName } from '../policy.ts';
import type { Decision, Placement } from '../types.ts';
import { createPolicy, DEFAULT_POLICY, isPolicyName, OPT_IN_POLICY_NAMES, POLICY_NAMES } from './policy-registry.ts';

function commit(a: Allocator, d: Decision): Placement {
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(d.owner, d);
  return d;
}

const piece = (owner: string, count: number) => req(owner, { count, unit: 'accelerators', scope: 'server' });

test('every policy is selectable by name and the default is one of them', () => {
  for (const name of POLICY_NAMES) assert.equal(createPolicy(name).name, name);
  assert.ok(isPolicyName(DEFAULT_POLICY));
  assert.equal(new Allocator(testInventory()).policy.name, DEFAULT_POLICY);
  assert.equal(isPolicyName('worst-fit'), false);
});

test('opt-in policies are selectable by name but not among the policies run by default', () => {
  for (const name of OPT_IN_POLICY_NAMES) {
    assert.ok(isPolicyName(name));
    assert.equal(createPolicy(name).name, name);
    assert.equal(POLICY_NAMES.includes(name), false);
  }
});

test('first-fit takes the lowest server that fits', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  commit(a, a.place(piece('a', 6)));
  const b = commit(a, a.place(piece('b', 4)));
  assert.equal(b.servers[0]!.serverId, 'sn-1/s02');
  const c = commit(a, a.place(piece('c', 2)));
  assert.equal(c.servers[0]!.serverId, 'sn-1/s01');
});

test('best-fit takes the server left with the least free', () => {
  const a = new Allocator(testInventory(), { policy: 'best-fit' });
  commit(a, a.place(piece('a', 4)));
  commit(a, a.place(piece('b', 7)));
  const c = commit(a, a.place(piece('c', 1)));
  assert.equal(c.servers[0]!.serverId, a.holdings('b')!.servers[0]!.serverId);
});

test('random is repeatable for a seed and differs across seeds', () => {
  const run = (seed: number) => {
    const a = new Allocator(testInventory(), { policy: 'random', seed });
    return Array.from({ length: 8 }, (_, i) => commit(a, a.place(piece(`o${i}`, 1))).servers[0]!.serverId).join(',');
  };
  assert.equal(run(7), run(7));
  assert.notEqual(run(7), run(8));
});

test('fgd puts a piece where the leftover still fits what the workload asks for; best-fit where least is left', () => {
  // Workload: mostly whole-server requests and some 2s. Two servers have 3 and 2 free; a 1 arrives.
  const setup = (policy: PolicyName) => {
    const a = new Allocator(testInventory(), { policy, learn: 'manual' });
    for (let i = 0; i < 9; i++) a.observe(piece('x', 8));
    a.observe(piece('x', 2));
    const pin = (owner: string, server: string, n: number) => {
      const ids = Array.from({ length: n }, (_, i) => `t-1a/${server}/${i}`);
      a.commit(owner, {
        ok: true,
        owner,
        project: 'p1',
        acceleratorType: 'ascend-910c',
        region: 't-1',
        zone: 't-1a',
        scope: 'server',
        unit: 'accelerators',
        acceleratorCount: n,
        supernodes: ['sn-1'],
        servers: [{ serverId: server, supernode: 'sn-1', acceleratorIds: ids }],
      });
    };
    pin('five', 'sn-1/s01', 5);
    pin('six', 'sn-1/s02', 6);
    return a;
  };
  // Both keep whole servers; FGD prefers the server whose leftover (3 -> 2) can still host a 2.
  const fgd = setup('fgd');
  assert.equal(commit(fgd, fgd.place(piece('one', 1))).servers[0]!.serverId, 'sn-1/s01');
  const bf = setup('best-fit');
  assert.equal(commit(bf, bf.place(piece('one', 1))).servers[0]!.serverId, 'sn-1/s02');
});

test('fgd breaks a whole server where gangs lose least; fgd-pack breaks them in a fixed order, and only when it must', () => {
  const setup = (policy: PolicyName) => {
    const a = new Allocator(testInventory(), { policy, learn: 'manual' });
    // Gangs of 4 servers and singles; sn-2 has lost one server already, so it cannot host a gang.
    for (let i = 0; i < 5; i++) a.observe(req('g', { count: 4 }));
    for (let i = 0; i < 5; i++) a.observe(piece('s', 8));
    const ids = Array.from({ length: 8 }, (_, i) => `t-1a/sn-2/s01/${i}`);
    a.commit('x', {
      ok: true,
      owner: 'x',
      project: 'p1',
      acceleratorType: 'ascend-910c',
      region: 't-1',
      zone: 't-1a',
      scope: 'zone',
      unit: 'servers',
      acceleratorCount: 8,
      supernodes: ['sn-2'],
      servers: [{ serverId: 'sn-2/s01', supernode: 'sn-2', acceleratorIds: ids }],
    });
    return a;
  };
  const fgd = setup('fgd');
  assert.deepEqual(commit(fgd, fgd.place(piece('one', 1))).supernodes, ['sn-2']);
  assert.notDeepEqual(commit(fgd, fgd.place(req('gang', { count: 4 }))).supernodes, ['sn-2']);
  // fgd-pack breaks the lowest-numbered supernode's server, as best-fit does, whatever the other holds.
  const pack = setup('fgd-pack');
  assert.deepEqual(
    commit(pack, pack.place(piece('one', 1))).servers.map((s) => s.serverId),
    ['sn-1/s01'],
  );
  const bf = setup('best-fit');
  assert.deepEqual(
    commit(bf, bf.place(piece('one', 1))).servers.map((s) => s.serverId),
    ['sn-1/s01'],
  );
});

test('fgd-pack keeps whole servers whole for gangs; without gangs in the workload it is FGD', () => {
  // Pieces of 4: a 1 on the server with 4 free leaves 3 that no 4 can use, so FGD breaks a whole server.
  const run = (policy: PolicyName, gangs: boolean) => {
    const a = new Allocator(testInventory(), { policy, learn: 'manual' });
    for (let i = 0; i < 9; i++) a.observe(piece('x', 4));
    if (gangs) for (let i = 0; i < 3; i++) a.observe(req('g', { count: 4 }));
    const four = commit(a, a.place(piece('four', 4)));
    const one = commit(a, a.place(piece('one', 1)));
    return one.servers[0]!.serverId === four.servers[0]!.serverId ? 'shares' : 'breaks a whole server';
  };
  assert.equal(run('fgd', false), 'breaks a whole server');
  assert.equal(run('fgd-pack', false), 'breaks a whole server');
  assert.equal(run('fgd-pack', true), 'shares');
  assert.equal(run('best-fit', true), 'shares');
});
