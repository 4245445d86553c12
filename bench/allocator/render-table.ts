/** A plain text table for stdout: numbers right-aligned, words (the first column, and any column of prose) left. */
export function renderTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isFinite(c) ? c.toFixed(2) : '-') : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const prose = header.map((_, i) => i === 0 || (rows.length > 0 && rows.every((r) => typeof r[i] === 'string' && /[a-z]{3}/i.test(r[i] as string))));
  const line = (r: (string | number)[]) =>
    r
      .map((c, i) => (prose[i] ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
