import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';
import type { Decision, Placement } from './types.ts';

function placed(a: Allocator, owner: string): Placement {
  const d: Decision = a.place(req(owner, { scope: 'zone' }));
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(owner, d);
  return d;
}
const serversOf = (p: Placement) => p.servers.map((s) => `${p.zone}/${s.serverId}`);

test('a gang goes to a supernode no other instance is placing in while one can host it, else to the best busy one', () => {
  const a = new Allocator(testInventory());
  const first = placed(a, 'c1');
  assert.equal(placed(a, 'c2').supernodes[0], first.supernodes[0], 'alone, the allocator packs the fullest supernode');
  a.noteChangedElsewhere(serversOf(first));
  const second = placed(a, 'c3');
  assert.notEqual(second.supernodes[0], first.supernodes[0], 'another instance places there: this one goes elsewhere');
  a.noteChangedElsewhere(serversOf(second));
  const third = placed(a, 'c4');
  assert.ok(![first.supernodes[0], second.supernodes[0]].includes(third.supernodes[0]), 'the one supernode left quiet');
  a.noteChangedElsewhere(serversOf(third));
  assert.equal(placed(a, 'c5').supernodes[0], first.supernodes[0], 'every supernode is busy: the fullest, as alone');
});

test('a supernode stops being busy after eight catch-ups that did not name it', () => {
  const a = new Allocator(testInventory());
  const first = placed(a, 'c1');
  a.noteChangedElsewhere(serversOf(first));
  for (let i = 0; i < 7; i++) a.noteChangedElsewhere([]);
  assert.notEqual(placed(a, 'c2').supernodes[0], first.supernodes[0], 'seven catch-ups later it is still busy');
  a.noteChangedElsewhere([]);
  const later = placed(a, 'c3');
  assert.equal(later.supernodes[0], first.supernodes[0], 'after the eighth, packing goes back to it');
});
