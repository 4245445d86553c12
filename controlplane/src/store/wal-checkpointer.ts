import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Checkpoints a WAL database from a worker thread when nudged; see `startWalCheckpointer`. */
export interface WalCheckpointer {
  /** Asks for a checkpoint; ignored while one is pending, so callers may nudge freely. */
  nudge(): void;
  /**
   * Resolves once the worker has closed its connection and exited. A worker still starting up would
   * otherwise open the file after the caller closed the store, recreating it in a directory the
   * caller may be removing.
   */
  close(): Promise<void>;
}

// Plain JavaScript because a worker started from a string runs without the TypeScript loader. It
// opens its own connection and runs PASSIVE checkpoints, which never block the writer.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); parentPort.close(); return; }
  try { db.pragma('wal_checkpoint(PASSIVE)'); parentPort.postMessage('done'); }
  catch (e) { parentPort.postMessage('error: ' + (e && e.message)); }
});
`;

/**
 * Moves WAL checkpoints off the thread that serves requests. A checkpoint copies the WAL into the
 * database and syncs both files; run inside a commit (SQLite's automatic checkpoint) it stalls every
 * request queued behind that commit, which is what a create's p99 latency was made of. Durability is
 * unchanged: commits are still WAL + synchronous=NORMAL, and the checkpoint is the same one SQLite
 * would have run, only on another connection.
 */
export function startWalCheckpointer(
  path: string,
  onError: (message: string) => void,
  driver = createRequire(import.meta.url).resolve('better-sqlite3'),
): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } });
  worker.unref();
  let pending = false;
  let closed = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (m: string) => {
    pending = false;
    if (m !== 'done' && !closed) onError(m);
  });
  worker.on('error', (e) => {
    if (!closed) onError(e.message);
    closed = true;
  });
  return {
    nudge() {
      if (pending || closed) return;
      pending = true;
      worker.postMessage('checkpoint');
    },
    close() {
      if (!closed) {
        closed = true;
        worker.postMessage('close');
      }
      // Unreferenced so an idle worker never keeps a process alive; a caller waiting for it must.
      worker.ref();
      return exited;
    },
  };
}
