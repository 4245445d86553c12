/** The admin faults as the API returns them (`GET /v1/admin/faults`). */
export interface Faults {
  rules: Array<{ method: string; path: string; rate: number; status: number }>;
  latencyMs: number;
  operationFailureRate: number;
}

/** Writes faults back in the `--faults` spec format, so the form shows what is set in the words it accepts. */
export function faultSpecText(f: Faults): string {
  const parts = f.rules.map((r) => `${r.method === '*' ? '' : `${r.method} `}${r.path}=${r.rate}:${r.status}`);
  if (f.latencyMs) parts.push(`latency=${f.latencyMs}ms`);
  if (f.operationFailureRate) parts.push(`opfail=${f.operationFailureRate}`);
  return parts.join(',');
}
