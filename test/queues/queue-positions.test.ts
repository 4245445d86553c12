// Positions move with every admission or departure ahead of a request. A pass writes a waiting
// request's document only when more than its position changed, and reads show the current position:
// a GET, a list, and after a restart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, tempDir, testServer } from '../controlplane/helpers.ts';
import { fragmentZone } from './fragments.ts';

const P = '/v1/projects/default';
const gang = (name: string) => ({ name, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode', queue: 'fragments' });

describe('queue positions', () => {
  it('move in reads without rewriting the documents behind, and stay current after a restart', async (t) => {
    const dir = tempDir();
    try {
      const first = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      let firstOpen = true;
      t.after(async () => {
        if (firstOpen) await first.close();
      });
      await fragmentZone(first.call);
      for (const name of ['g-a', 'g-b', 'g-c']) assert.equal((await first.call('POST', `${P}/clusters`, gang(name))).body.resource.status, 'pending');
      const c = (await first.call('GET', `${P}/clusters/g-c`)).body;
      assert.match(c.statusReason, /^waiting for 48 ascend-910c servers in one supernode; position 3$/);

      // The head leaves: g-b takes the reservation (its document changes), g-c only moves up.
      assert.equal((await first.call('DELETE', `${P}/clusters/g-a`)).status, 202);
      const b = (await first.call('GET', `${P}/clusters/g-b`)).body;
      assert.match(b.statusReason, /^waiting for 48 ascend-910c servers in one supernode; position 1; reserved sn-\d+ since \d\d:\d\d$/);
      const moved = (await first.call('GET', `${P}/clusters/g-c`)).body;
      assert.equal(moved.statusReason, 'waiting for 48 ascend-910c servers in one supernode; position 2');
      assert.equal(moved.resourceVersion, c.resourceVersion, 'a new position alone rewrites no document');
      const listed = (await first.call('GET', `${P}/clusters`)).body.items.find((x: any) => x.name === 'g-c');
      assert.equal(listed.statusReason, 'waiting for 48 ascend-910c servers in one supernode; position 2');
      const patch = await first.call('PATCH', `${P}/clusters/g-c`, { nodeCount: 47 });
      assert.equal(patch.status, 409);
      assert.match(patch.body.message, /\(waiting for 48 ascend-910c servers in one supernode; position 2\)/);
      firstOpen = false;
      await first.close();

      const second = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      try {
        const after = (await second.call('GET', `${P}/clusters/g-c`)).body;
        assert.equal(after.statusReason, 'waiting for 48 ascend-910c servers in one supernode; position 2', 'read before any pass after the restart');
        assert.equal((await second.call('DELETE', `${P}/clusters/g-b`)).status, 202);
        const head = (await second.call('GET', `${P}/clusters/g-c`)).body;
        assert.match(head.statusReason, /^waiting for 48 ascend-910c servers in one supernode; position 1; reserved sn-\d+ since \d\d:\d\d$/);
        assert.ok(head.resourceVersion > c.resourceVersion, 'a new reservation is written to the document');
      } finally {
        await second.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
