import { existsSync, readFileSync } from 'node:fs';
import type { ArrivalOrder, SharedInfo, SharedResult } from './mode-a-shared.ts';
import { publishedFor } from './published-fgd.ts';
import { pairedDifference, round } from './stats.ts';

/** How one trace variant was run: each variant keeps its own, since runs may re-measure some variants only. */
export interface VariantRun {
  /** The pod list's file name (not a path: the files may live anywhere). */
  trace: string;
  seeds: number;
  /** The first seed, when not 1 (a run on other seeds than the reported ones). */
  firstSeed?: number;
  order: ArrivalOrder;
  shipped: string;
}

/**
 * The results-file record of one trace variant of mode A with partitions: per policy the allocation
 * ratio at 100% and 130% arrived demand, the paired difference to best-fit, and the difference to the
 * published FGD and BestFit figures for that same variant, so the comparison lives in the JSON and not
 * only in prose.
 */
export function variantRecord(run: VariantRun, info: SharedInfo, results: readonly SharedResult[]): Record<string, unknown> {
  const published = publishedFor(run.trace.replace(/^openb_pod_list_/, '').replace(/\.csv$/, ''));
  const [fgd100, fgd130] = published?.allocationRatio.FGD ?? [NaN, NaN];
  const [bf100, bf130] = published?.allocationRatio.BestFit ?? [NaN, NaN];
  const bestFit = results.find((r) => r.policy === 'best-fit');
  const paired = (r: SharedResult, key: 'allocationRatio100' | 'allocationRatio130') =>
    bestFit && r.policy !== 'best-fit'
      ? pairedDifference(
          r.perSeed.map((s) => s[key]),
          bestFit.perSeed.map((s) => s[key]),
        )
      : undefined;
  const minus = (x: number, y: number) => (published ? round(x - y, 3) : null);
  const shipped = results.find((r) => r.policy === run.shipped);
  const beyond = (d: ReturnType<typeof paired>) => (d ? d.mean - (2 * d.sd) / Math.sqrt(d.n) > 0 : null);
  return {
    ...run,
    policiesRun: results.map((r) => r.policy),
    ...info,
    published: published
      ? {
          FGD: { allocationRatio100: fgd100, allocationRatio130: fgd130, fragmentation90: published.fragmentation90.FGD },
          BestFit: { allocationRatio100: bf100, allocationRatio130: bf130, fragmentation90: published.fragmentation90.BestFit },
        }
      : null,
    goals: {
      beatsBestFitBeyondSpread100: shipped ? beyond(paired(shipped, 'allocationRatio100')) : null,
      beatsBestFitBeyondSpread130: shipped ? beyond(paired(shipped, 'allocationRatio130')) : null,
      gapToPublishedFgd100: shipped ? minus(shipped.allocationRatio100, fgd100) : null,
      gapToPublishedFgd130: shipped ? minus(shipped.allocationRatio130, fgd130) : null,
      aheadOfPublishedFgd100: shipped && published ? shipped.allocationRatio100 > fgd100 : null,
      aheadOfPublishedFgd130: shipped && published ? shipped.allocationRatio130 > fgd130 : null,
    },
    policies: Object.fromEntries(
      results.map((r) => [
        r.policy,
        {
          allocationRatio100: round(r.allocationRatio100, 3),
          allocationRatio100Sd: round(r.sd100, 3),
          allocationRatio130: round(r.allocationRatio130, 3),
          allocationRatio130Sd: round(r.sd130, 3),
          fragmentation90: round(r.fragmentation90, 3),
          minusPublishedFgd100: minus(r.allocationRatio100, fgd100),
          minusPublishedFgd130: minus(r.allocationRatio130, fgd130),
          minusPublishedBestFit100: minus(r.allocationRatio100, bf100),
          minusPublishedBestFit130: minus(r.allocationRatio130, bf130),
          sharedPodsPlaced: r.sharedPlaced,
          sharedPodsArrived: r.sharedArrived,
          cpuPodsPlaced: r.cpuPlaced,
          cpuPodsArrived: r.cpuArrived,
          acceptance: round(r.acceptance, 4),
          p50Ms: round(r.p50Ms, 4),
          p99Ms: round(r.p99Ms, 4),
          minusBestFit100: roundAll(paired(r, 'allocationRatio100')),
          minusBestFit130: roundAll(paired(r, 'allocationRatio130')),
          perSeed: r.perSeed.map((s) => ({
            ...s,
            allocationRatio100: round(s.allocationRatio100, 3),
            allocationRatio130: round(s.allocationRatio130, 3),
            fragmentation90: round(s.fragmentation90, 3),
          })),
        },
      ]),
    ),
  };
}

/**
 * The `modeAShared` section an earlier run wrote into the results file, with each variant carrying its
 * own seeds and arrival order (older files kept them once for the whole section), so a run that
 * re-measures some variants keeps the others with what they were measured with.
 */
export function earlierSection(path: string): { variants: Record<string, Record<string, unknown>>; speed?: unknown } {
  if (!existsSync(path)) return { variants: {} };
  const whole = JSON.parse(readFileSync(path, 'utf8')) as {
    modeAShared?: { seeds?: number; order?: ArrivalOrder; variants?: Record<string, Record<string, unknown>>; speed?: unknown };
  };
  const s = whole.modeAShared;
  if (!s) return { variants: {} };
  const variants = Object.fromEntries(
    Object.entries(s.variants ?? {}).map(([name, v]) => [name, withPublished(name, { seeds: s.seeds, order: s.order, ...v })]),
  );
  return { variants, speed: s.speed };
}

/**
 * An earlier variant record with the published figures and each policy's difference to them added
 * where an older run did not record them (computed from the allocation ratios it recorded).
 */
function withPublished(name: string, v: Record<string, unknown>): Record<string, unknown> {
  const published = publishedFor(name);
  if (!published || v.published !== undefined) return v;
  const [fgd100, fgd130] = published.allocationRatio.FGD!;
  const [bf100, bf130] = published.allocationRatio.BestFit!;
  const policies = (v.policies ?? {}) as Record<string, { allocationRatio100: number; allocationRatio130: number }>;
  return {
    ...v,
    published: {
      FGD: { allocationRatio100: fgd100, allocationRatio130: fgd130, fragmentation90: published.fragmentation90.FGD },
      BestFit: { allocationRatio100: bf100, allocationRatio130: bf130, fragmentation90: published.fragmentation90.BestFit },
    },
    policies: Object.fromEntries(
      Object.entries(policies).map(([p, r]) => [
        p,
        {
          ...r,
          minusPublishedFgd100: round(r.allocationRatio100 - fgd100, 3),
          minusPublishedFgd130: round(r.allocationRatio130 - fgd130, 3),
          minusPublishedBestFit100: round(r.allocationRatio100 - bf100, 3),
          minusPublishedBestFit130: round(r.allocationRatio130 - bf130, 3),
        },
      ]),
    ),
  };
}

function roundAll(d: Record<string, number> | undefined): Record<string, number> | undefined {
  return d && Object.fromEntries(Object.entries(d).map(([k, v]) => [k, round(v, 3)]));
}
