// The checkpointer's worker opens its own connection to the database file. On a loaded machine the
// worker can start long after the store was opened; closing must wait for it, or the worker opens the
// file after the caller closed the store and recreates it while the caller removes its directory.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startWalCheckpointer } from './wal-checkpointer.ts';

it('close resolves only after a slow-starting worker has opened and closed its connection', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-wal-'));
  try {
    const path = join(dir, 'cloud.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x INTEGER)');
    const log = join(dir, 'driver.log');
    writeFileSync(log, '');
    // A driver that takes 300 ms to load, as better-sqlite3 can on a busy machine, and records what
    // the worker does with its connection.
    const driver = join(dir, 'slow-driver.cjs');
    writeFileSync(
      driver,
      `
const Real = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
const { appendFileSync } = require('node:fs');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
module.exports = class extends Real {
  constructor(...a) { super(...a); appendFileSync(${JSON.stringify(log)}, 'opened\\n'); }
  close() { const r = super.close(); appendFileSync(${JSON.stringify(log)}, 'closed\\n'); return r; }
};
`,
    );
    const errors: string[] = [];
    const checkpointer = startWalCheckpointer(path, (m) => errors.push(m), driver);
    checkpointer.nudge();
    await checkpointer.close();
    assert.equal(readFileSync(log, 'utf8'), 'opened\nclosed\n', 'the worker had opened and closed its connection when close resolved');
    assert.deepEqual(errors, []);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
