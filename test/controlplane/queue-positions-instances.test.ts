// Two control-plane instances on one PostgreSQL database: positions a pass on one instance saved are
// what a read on the other shows, though neither rewrote the waiting documents for them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fragmentZone } from '../queues/fragments.ts';
import { testDatabaseUrl } from '../support/test-store.ts';
import { testServer } from './helpers.ts';

const P = '/v1/projects/default';
const gang = (name: string) => ({ name, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode', queue: 'fragments' });
const reason = (n: number) => `waiting for 48 ascend-910c servers in one supernode; position ${n}`;

describe('queue positions across instances', () => {
  it('a read on one instance shows the positions a pass on the other saved', async (t) => {
    const databaseUrl = await testDatabaseUrl();
    // Only the suite's PostgreSQL run has a database two instances can share.
    if (!databaseUrl) return t.skip('no PostgreSQL in this run');
    const a = await testServer({ databaseUrl });
    const b = await testServer({ databaseUrl });
    try {
      await fragmentZone(a.call);
      for (const name of ['g-a', 'g-b', 'g-c', 'g-d']) assert.equal((await a.call('POST', `${P}/clusters`, gang(name))).body.resource.status, 'pending');
      assert.equal((await b.call('GET', `${P}/clusters/g-d`)).body.statusReason, reason(4));
      // B's read has loaded and kept the state; A's pass moves everyone up, and B must see it.
      const version = (await b.call('GET', `${P}/clusters/g-d`)).body.resourceVersion;
      assert.equal((await a.call('DELETE', `${P}/clusters/g-b`)).status, 202);
      const seen = (await b.call('GET', `${P}/clusters/g-d`)).body;
      assert.equal(seen.statusReason, reason(3));
      assert.equal(seen.resourceVersion, version, 'the document was not rewritten for its new position');
      assert.equal((await b.call('GET', `${P}/clusters`)).body.items.find((x: any) => x.name === 'g-c').statusReason, reason(2));
      // And the other way round.
      assert.equal((await b.call('DELETE', `${P}/clusters/g-c`)).status, 202);
      assert.equal((await a.call('GET', `${P}/clusters/g-d`)).body.statusReason, reason(2));
      assert.deepEqual((await a.call('GET', '/v1/admin/invariants')).body.violations, []);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
