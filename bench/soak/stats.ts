/** Latency samples and error counts of one soak run; kept as plain data so the report is JSON. */
export class SoakStats {
  readonly latenciesMs: Record<string, number[]> = {};
  readonly errors: Record<string, number> = {};
  readonly ops: Record<string, number> = {};

  op(kind: string, ms: number): void {
    this.ops[kind] = (this.ops[kind] ?? 0) + 1;
    (this.latenciesMs[kind] ??= []).push(ms);
  }

  /** Counts an error under `where:CODE`, so faults, conflicts and real failures stay apart. */
  error(where: string, code: string): void {
    const key = `${where}:${code}`;
    this.errors[key] = (this.errors[key] ?? 0) + 1;
  }

  totalOps(): number {
    return Object.values(this.ops).reduce((a, b) => a + b, 0);
  }

  summary(): Record<string, { count: number; p50Ms: number; p99Ms: number; maxMs: number }> {
    const out: Record<string, { count: number; p50Ms: number; p99Ms: number; maxMs: number }> = {};
    for (const [k, v] of Object.entries(this.latenciesMs)) {
      const s = [...v].sort((a, b) => a - b);
      out[k] = { count: s.length, p50Ms: round(quantile(s, 0.5)), p99Ms: round(quantile(s, 0.99)), maxMs: round(s[s.length - 1] ?? 0) };
    }
    return out;
  }
}

/** Nearest-rank quantile of sorted samples. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (n: number) => Math.round(n * 100) / 100;
