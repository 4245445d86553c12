import { placementMasks, type PartitionCatalogue, type PartitionProfile } from '../../../core/index.ts';

/** One class of the target workload: a partition instance (`masks`/`units`) or `whole` accelerators. */
export interface SliceClass {
  /** Whole accelerators on one server (0 for a partition class). */
  whole: number;
  units: number;
  /** Positional profiles: the position masks it may take. */
  masks: number[];
  cpu: number;
  mem: number;
  p: number;
}

/** Most classes FGD's measure looks at; the rest are rare and merged into their nearest kept class. */
const MAX_CLASSES = 128;

/**
 * The target workload of a partitionable type as FGD uses it: how often each kind of request comes,
 * partition instances and whole-accelerator requests alike, with their host CPU and memory.
 */
export class SliceWorkload {
  private readonly weights = new Map<string, { c: Omit<SliceClass, 'p'>; w: number }>();
  private cache: SliceClass[] | undefined;
  private total = 0;
  private sinceCache = 0;
  /** Bumped whenever the classes are recomputed, so cached scores know when they are stale. */
  generation = 0;

  constructor(readonly catalogue: PartitionCatalogue) {}

  observeWhole(count: number, cpu: number, mem: number, weight: number): void {
    this.add(`w${count}|${cpu}|${mem}`, { whole: count, units: 0, masks: [], cpu, mem }, weight);
  }

  observeSlice(profile: PartitionProfile, cpu: number, mem: number, weight: number): void {
    this.add(`s${profile.name}|${cpu}|${mem}`, { whole: 0, units: profile.size, masks: placementMasks(this.catalogue, profile), cpu, mem }, weight);
  }

  /** The classes, most frequent first, weights summing to 1 (empty before anything was observed). */
  classes(): SliceClass[] {
    // The distribution drifts slowly: recompute once 2% more has been observed, not on every arrival.
    if (this.cache && (this.cache.length > 0 || this.total === 0) && this.sinceCache <= Math.max(50, 0.02 * this.total)) return this.cache;
    this.sinceCache = 0;
    this.generation++;
    const all = [...this.weights.values()].sort((x, y) => y.w - x.w);
    const kept = all.slice(0, MAX_CLASSES).map((e) => ({ ...e.c, p: e.w }));
    for (const e of all.slice(MAX_CLASSES)) {
      const near = kept.find((k) => k.whole === e.c.whole && k.units === e.c.units) ?? kept[kept.length - 1]!;
      near.p += e.w;
    }
    const total = kept.reduce((a, k) => a + k.p, 0);
    for (const k of kept) k.p /= total;
    this.cache = kept;
    return kept;
  }

  private add(key: string, c: Omit<SliceClass, 'p'>, weight: number): void {
    const e = this.weights.get(key);
    if (e) e.w += weight;
    else this.weights.set(key, { c, w: weight });
    this.total += weight;
    this.sinceCache += weight;
  }
}
