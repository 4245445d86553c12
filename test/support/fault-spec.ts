/**
 * A fault spec (the control plane's `--faults` format) that fails `errorRate` of project requests,
 * split evenly over `statuses`. Rules are tried in order, each on what the earlier ones let
 * through, so each later rule's rate is scaled up to keep the shares equal.
 */
export function faultSpec(opts: { errorRate: number; statuses?: number[]; operationFailureRate?: number; path?: string }): string {
  const statuses = opts.statuses ?? [500, 502, 503, 429];
  const share = opts.errorRate / statuses.length;
  const rules: string[] = [];
  let passed = 1;
  for (const status of statuses) {
    const rate = share / passed;
    rules.push(`${opts.path ?? '/v1/projects/**'}=${rate.toFixed(6)}:${status}`);
    passed -= share;
  }
  if (opts.operationFailureRate) rules.push(`opfail=${opts.operationFailureRate}`);
  return rules.join(',');
}
