import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the system temp dir; `remove` is safe to call twice. */
export interface TempDir {
  path: string;
  remove(): void;
}

/**
 * Makes a temporary folder. Pass the test context to have it removed when the test ends,
 * even when the test fails, so failed runs do not leak databases.
 */
export function tempDir(t?: { after(fn: () => void | Promise<void>): void }, prefix = 'aicloud-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  // A process killed with -9 can leave a file behind for a moment after its exit (its WAL, say): retry.
  const dir = { path, remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }) };
  t?.after(() => dir.remove());
  return dir;
}
