/**
 * A server's accelerators and the fast-link groups inside it (one group of 8 for a 910C or H200 server,
 * two HCCS groups of 4 for a 910B). What a server can host depends only on how many accelerators are
 * free in each group, so a layout maps a free mask to a small "state key"; the allocator buckets servers
 * by that key and never has to look at individual accelerators to decide.
 */
export interface ServerLayout {
  id: number;
  count: number;
  groups: number[];
  groupMasks: number[];
  fullMask: number;
  /** Number of distinct state keys (product of group size + 1). */
  keyCount: number;
  /** Sizes a single-server piece may have; every other size within one server is refused. */
  allowedSizes: number[];
  /** Per key: free accelerators. */
  freeOfKey: Int32Array;
  /** Per key: bit (k - 1) is set when a piece of k accelerators fits. */
  hostableOfKey: Uint32Array;
  /** Per key: the largest allowed piece that fits (0 when none). */
  largestOfKey: Int32Array;
  fullKey: number;
}

/** Layouts with more state keys than this are refused; they would only come from odd inventory files. */
export const MAX_LAYOUT_KEYS = 4096;

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The lowest `k` set bits of `mask`. */
export function lowestBits(mask: number, k: number): number {
  let out = 0;
  let m = mask;
  for (let i = 0; i < k && m !== 0; i++) {
    const bit = m & -m;
    out |= bit;
    m &= ~bit;
  }
  return out >>> 0;
}

export function createLayout(id: number, count: number, groups: number[]): ServerLayout {
  const groupMasks: number[] = [];
  let offset = 0;
  for (const g of groups) {
    groupMasks.push((g === 32 ? 0xffffffff : ((1 << g) - 1) << offset) >>> 0);
    offset += g;
  }
  const fullMask = (count === 32 ? 0xffffffff : (1 << count) - 1) >>> 0;
  const keyCount = groups.reduce((p, g) => p * (g + 1), 1);
  if (keyCount > MAX_LAYOUT_KEYS) throw new Error(`server groups ${groups.join('+')} have too many states to index`);
  const allowedSizes = allowedSizesFor(count, groups);
  const freeOfKey = new Int32Array(keyCount);
  const hostableOfKey = new Uint32Array(keyCount);
  const largestOfKey = new Int32Array(keyCount);
  for (let key = 0; key < keyCount; key++) {
    const counts = countsOfKey(key, groups);
    const free = counts.reduce((a, b) => a + b, 0);
    freeOfKey[key] = free;
    let hostable = 0;
    let largest = 0;
    for (const k of allowedSizes) {
      const fits = k === count ? free === count : groups.length === 1 ? free >= k : counts.some((c) => c >= k);
      if (fits) {
        hostable |= 1 << (k - 1);
        largest = Math.max(largest, k);
      }
    }
    hostableOfKey[key] = hostable >>> 0;
    largestOfKey[key] = largest;
  }
  return { id, count, groups: [...groups], groupMasks, fullMask, keyCount, allowedSizes, freeOfKey, hostableOfKey, largestOfKey, fullKey: keyCount - 1 };
}

/** Mixed-radix key of per-group free counts; the all-free state is the last key. */
export function keyOfMask(layout: ServerLayout, mask: number): number {
  let key = 0;
  let radix = 1;
  for (let g = 0; g < layout.groups.length; g++) {
    key += popcount(mask & layout.groupMasks[g]!) * radix;
    radix *= layout.groups[g]! + 1;
  }
  return key;
}

/**
 * The ways to take `k` accelerators from a server whose free mask is `mask`: one mask per group that can
 * host the piece (which accelerators inside a group does not matter), or the whole server.
 */
export function takeOptions(layout: ServerLayout, mask: number, k: number): number[] {
  if (k === layout.count) return mask === layout.fullMask ? [mask] : [];
  if (layout.groups.length === 1) return popcount(mask) >= k ? [lowestBits(mask, k)] : [];
  const out: number[] = [];
  for (const gm of layout.groupMasks) {
    const inGroup = mask & gm;
    if (popcount(inGroup) >= k) out.push(lowestBits(inGroup, k));
  }
  return out;
}

/** Why a size cannot be one piece on this layout, or undefined when it can. */
export function sizeRefusalReason(layout: ServerLayout, k: number, typeName: string): string | undefined {
  if (layout.allowedSizes.includes(k)) return undefined;
  if (k > layout.count) return `a ${typeName} server has ${layout.count} accelerators, fewer than ${k}`;
  const sizes = layout.allowedSizes;
  const list = sizes.length > 1 ? `${sizes.slice(0, -1).join(', ')} or ${sizes[sizes.length - 1]}` : String(sizes[0]);
  return `${typeName} servers have fast-link groups of ${layout.groups.join('+')}: a piece within one server must be ${list} accelerators, not ${k}`;
}

function allowedSizesFor(count: number, groups: number[]): number[] {
  if (groups.length === 1) return Array.from({ length: count }, (_, i) => i + 1);
  // Grouped servers (HCCS) follow the Ascend rule: powers of two inside one group, or the whole server.
  const sizes = new Set<number>();
  const largestGroup = Math.max(...groups);
  for (let k = 1; k <= largestGroup; k *= 2) sizes.add(k);
  sizes.add(count);
  return [...sizes].sort((a, b) => a - b);
}

function countsOfKey(key: number, groups: number[]): number[] {
  const counts: number[] = [];
  let rest = key;
  for (const g of groups) {
    counts.push(rest % (g + 1));
    rest = Math.floor(rest / (g + 1));
  }
  return counts;
}
