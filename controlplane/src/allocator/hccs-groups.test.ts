import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInventory } from '../inventory/build-inventory.ts';
import { Allocator } from './allocator.ts';
import { req } from './testing.ts';
import type { Decision, Placement } from './types.ts';

/** One 910B server: two HCCS groups of four (accelerators 0-3 and 4-7). */
function oneServer(): Allocator {
  return new Allocator(
    buildInventory({ regions: [{ name: 'r', zones: [{ name: 'r-a', servers: [{ acceleratorType: 'ascend-910b', count: 1, prefix: 'b' }] }] }] }),
  );
}

const ask = (owner: string, count: number) => req(owner, { acceleratorType: 'ascend-910b', zone: 'r-a', count, unit: 'accelerators', scope: 'server' });
const indices = (p: Placement) => p.servers[0]!.acceleratorIds.map((id) => Number(id.split('/').pop()));
const group = (i: number) => (i < 4 ? 0 : 1);

function commit(a: Allocator, d: Decision): Placement {
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(d.owner, d);
  return d;
}

test('requests of 1, 2 and 4 stay within one HCCS group', () => {
  for (const sizes of [
    [1, 2, 4],
    [2, 2, 4],
    [1, 1, 2, 4],
    [4, 2, 1, 1],
  ]) {
    const a = oneServer();
    sizes.forEach((k, i) => {
      const p = commit(a, a.place(ask(`o${i}`, k)));
      assert.equal(new Set(indices(p).map(group)).size, 1, `piece ${i} of ${sizes.join(',')} spans groups`);
    });
  }
});

test('8 takes the whole server, and only an untouched server', () => {
  const a = oneServer();
  const whole = commit(a, a.place(ask('w', 8)));
  assert.deepEqual(indices(whole), [0, 1, 2, 3, 4, 5, 6, 7]);
  a.release('w');
  commit(a, a.place(ask('one', 1)));
  const d = a.place(ask('w2', 8));
  assert.ok(!d.ok);
  assert.equal(d.code, 'CAPACITY_EXHAUSTED');
});

test('other sizes within a server are refused with the reason', () => {
  const a = oneServer();
  for (const k of [3, 5, 6, 7]) {
    const d = a.place(ask('x', k));
    assert.ok(!d.ok);
    assert.equal(d.code, 'TOPOLOGY_MISMATCH');
    assert.equal(d.field, 'count');
    assert.equal(
      d.message,
      `cannot place ${k} ascend-910b in one server: ascend-910b servers have fast-link groups of 4+4: a piece within one server must be 1, 2, 4 or 8 accelerators, not ${k}`,
    );
  }
});

test('a 4 is refused when each group has only three free, even with six free in the server', () => {
  const a = oneServer();
  commit(a, a.place(ask('a', 1)));
  const second = commit(a, a.place(ask('b', 1)));
  // Whatever the policy did, force one accelerator used in each group.
  if (group(indices(second)[0]!) === 0) {
    a.release('b');
    a.commit('b', { ...second, servers: [{ ...second.servers[0]!, acceleratorIds: [second.servers[0]!.acceleratorIds[0]!.replace(/\/\d+$/, '/7')] }] });
  }
  const d = a.place(ask('c', 4));
  assert.ok(!d.ok);
  assert.match(d.message, /largest free block: 2 in b-01$/);
});

test('a gang with a remainder keeps the remainder inside one group', () => {
  const a = new Allocator(
    buildInventory({ regions: [{ name: 'r', zones: [{ name: 'r-a', servers: [{ acceleratorType: 'ascend-910b', count: 3, prefix: 'b' }] }] }] }),
  );
  const p = commit(a, a.place(req('g', { acceleratorType: 'ascend-910b', zone: 'r-a', count: 12, unit: 'accelerators', scope: 'zone' })));
  assert.deepEqual(p.servers.map((s) => s.acceleratorIds.length).sort(), [4, 8]);
  const bad = a.place(req('h', { acceleratorType: 'ascend-910b', zone: 'r-a', count: 11, unit: 'accelerators', scope: 'zone' }));
  assert.ok(!bad.ok);
  assert.equal(bad.code, 'TOPOLOGY_MISMATCH');
  assert.match(bad.message, /1 whole servers leave 3 for one server/);
});
