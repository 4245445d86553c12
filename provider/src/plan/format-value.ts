/** Compact, unambiguous rendering of a field value: strings quoted, objects as one-line JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(unset)';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return JSON.stringify(value);
}

// `toLocaleString` with options builds a new formatter on every call; a plan formats thousands of amounts.
const USD = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** USD with two decimals and thousands separators, fixed locale so golden files are stable. */
export function formatUsd(amount: number): string {
  return `$${USD.format(amount)}`;
}

export function formatInt(n: number): string {
  return INT.format(n);
}

/** `+1,234.00` / `-12.50` / `0.00`: the sign is the point of a delta column. */
export function formatDelta(before: number, after: number, money: boolean): string {
  const delta = after - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '';
  const abs = Math.abs(delta);
  return sign + (money ? formatUsd(abs) : formatInt(abs));
}

/** Servers listed briefly: the first few and a count, since a supernode cluster holds dozens. */
export function summarizeServers(servers: readonly string[], max = 4): string {
  if (servers.length <= max) return servers.join(', ');
  return `${servers.slice(0, max).join(', ')} and ${servers.length - max} more`;
}
