import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceCache, resourceKey } from './resource-cache.ts';
import type { ResourceRecord } from './records.ts';

const record = (version: number): ResourceRecord => ({
  id: 'id-1',
  project: 'p',
  kind: 'Cluster',
  name: 'c',
  resourceVersion: version,
  doc: `{"resourceVersion":${version}}`,
  secret: null,
});
const KEY = resourceKey('Cluster', 'p', 'c');

test('a resource read once is served from memory until its key is dropped', async () => {
  const cache = new ResourceCache();
  let loads = 0;
  let stored: ResourceRecord | undefined = record(1);
  const load = async () => (loads++, stored);
  assert.equal((await cache.read(KEY, load))?.resourceVersion, 1);
  stored = record(2);
  assert.equal((await cache.read(KEY, load))?.resourceVersion, 1, 'kept: no drop said it changed');
  assert.equal(loads, 1);
  cache.drop([KEY]);
  assert.equal((await cache.read(KEY, load))?.resourceVersion, 2);
  stored = undefined;
  cache.drop([KEY]);
  assert.equal(await cache.read(KEY, load), undefined);
  assert.equal(await cache.read(KEY, load), undefined, 'a resource that is not there is kept as absent');
  assert.equal(loads, 3);
  stored = record(3);
  cache.clear();
  assert.equal((await cache.read(KEY, load))?.resourceVersion, 3, 'a full reload forgets everything');
});

test('a read that was away while any key was dropped keeps nothing: its row may predate the drop', async () => {
  const cache = new ResourceCache();
  let release!: () => void;
  const slow = new Promise<void>((r) => (release = r));
  const pending = cache.read(KEY, async () => (await slow, record(1)));
  cache.drop([resourceKey('Cluster', 'p', 'other')]);
  release();
  assert.equal((await pending)?.resourceVersion, 1, 'the reader still gets what it read');
  assert.equal(cache.size, 0);
  assert.equal((await cache.read(KEY, async () => record(2)))?.resourceVersion, 2);
});

test('kept records are frozen and the oldest go past the limit', async () => {
  const cache = new ResourceCache({ limit: 2 });
  const kept = await cache.read(KEY, async () => record(1));
  await cache.read(KEY, async () => record(9));
  const again = await cache.read(KEY, async () => record(9));
  assert.ok(Object.isFrozen(again));
  assert.notEqual(kept, again, 'the caller of the load gets its own object');
  await cache.read('name:Cluster/p/b', async () => record(1));
  await cache.read('name:Cluster/p/d', async () => record(1));
  assert.equal(cache.size, 2);
  assert.equal((await cache.read(KEY, async () => record(5)))?.resourceVersion, 5, 'the oldest entry was dropped for the newest');
});
