import { randomFillSync } from 'node:crypto';

/** Bytes drawn from the system's generator at once: one call serves hundreds of ids. */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let next = POOL_BYTES;

/**
 * `bytes` random bytes as hex, for the unique tail of an id. A call to the system's generator per id
 * cost a create more CPU than its allocator's placement; the bytes are as random drawn in bulk. Not for
 * secrets (those take `randomBytes` of their own, never kept in a pool).
 */
export function randomHex(bytes: number): string {
  if (next + bytes > POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  const hex = pool.toString('hex', next, next + bytes);
  next += bytes;
  return hex;
}
