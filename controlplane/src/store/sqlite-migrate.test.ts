import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from './sqlite-schema.ts';
import { openSqliteStore } from './sqlite-store.ts';

test('a database of the first schema opens with its resources, operations and allocations carried over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-migrate-'));
  try {
    const path = join(dir, 'cloud.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO resources VALUES ('cl-1', 'default', 'Cluster', 'train-a', 3, '{}', NULL)").run();
    old.prepare("INSERT INTO operations VALUES ('op-1', 'default', 'create', 'Cluster', 'train-a', 'cl-1', 'running', NULL, NULL, 1, 5, NULL)").run();
    const alloc = old.prepare("INSERT INTO allocations VALUES (?, 'cl-1', 'default', 'ascend-910c', 'cn-southwest-2a', 'sn-1', ?)");
    for (const i of [0, 1, 2, 7]) alloc.run(`cn-southwest-2a/sn-1/s01/${i}`, 'sn-1/s01');
    alloc.run('cn-southwest-2a/sn-1/s12/5', 'sn-1/s12');
    old.close();

    const store = openSqliteStore({ path });
    try {
      assert.equal((await store.getResource('default', 'Cluster', 'train-a'))?.id, 'cl-1');
      assert.equal((await store.getResourceById('cl-1'))?.name, 'train-a');
      assert.deepEqual(
        (await store.runningOperationsOf('cl-1')).map((o) => o.id),
        ['op-1'],
      );
      assert.equal(await store.nextDueAt(), 5);
      assert.deepEqual(
        (await store.listAllocations()).sort((a, b) => a.server.localeCompare(b.server)),
        [
          { owner: 'cl-1', server: 'cn-southwest-2a/sn-1/s01', project: 'default', parentOwner: null, mask: 0b10000111 },
          { owner: 'cl-1', server: 'cn-southwest-2a/sn-1/s12', project: 'default', parentOwner: null, mask: 0b100000 },
        ],
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('holding rows OR into one mask per owner and server, and an owner drops with the endpoints inside it', async () => {
  const store = openSqliteStore({ memory: true });
  try {
    await store.transaction(async () => {
      await store.putHoldings([{ owner: 'cl-1', server: 'z/s1', project: 'p', parentOwner: null, mask: 0b0011 }]);
      await store.putHoldings([{ owner: 'cl-1', server: 'z/s1', project: 'p', parentOwner: null, mask: 0b1100 }]);
      await store.putHoldings([{ owner: 'ep-1', server: 'z/s1', project: 'p', parentOwner: 'cl-1', mask: 0b0001 }]);
      await store.putHoldings([{ owner: 'cl-2', server: 'z/s2', project: 'p', parentOwner: null, mask: 0b0001 }]);
    });
    assert.equal((await store.listAllocations()).find((r) => r.owner === 'cl-1')?.mask, 0b1111);
    assert.deepEqual(
      (await store.listHoldingsInside('cl-1')).map((r) => r.owner),
      ['ep-1'],
    );
    await store.transaction(() => store.deleteHoldingsOf('cl-1'));
    assert.deepEqual(
      (await store.listAllocations()).map((r) => r.owner),
      ['cl-2'],
    );
  } finally {
    await store.close();
  }
});

test('a database from before partitions gains the slices column; whole rows read as before, partition rows round-trip', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-migrate-'));
  try {
    const path = join(dir, 'cloud.db');
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 2)) old.exec(m);
    old.pragma('user_version = 2');
    old.prepare("INSERT INTO holdings (owner, server, project, parent_owner, mask) VALUES ('cl-1', 'z/s1', 'p', NULL, 15)").run();
    old.close();

    const store = openSqliteStore({ path });
    try {
      assert.deepEqual(await store.listAllocations(), [{ owner: 'cl-1', server: 'z/s1', project: 'p', parentOwner: null, mask: 15 }]);
      const slices = [
        { index: 4, profile: '1g.18gb', start: 0, units: 1 },
        { index: 4, profile: '1g.18gb', start: 1, units: 1 },
      ];
      await store.transaction(() => store.putHoldings([{ owner: 'cl-2', server: 'z/s1', project: 'p', parentOwner: null, mask: 0, slices }]));
      const row = (await store.listAllocations()).find((r) => r.owner === 'cl-2');
      assert.deepEqual(row, { owner: 'cl-2', server: 'z/s1', project: 'p', parentOwner: null, mask: 0, slices });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
