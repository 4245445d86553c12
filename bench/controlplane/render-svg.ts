/** The PostgreSQL rounds of one run: creates/s and reads/s per round, one instance beside N, with create p99. */
export function renderControlPlaneSvg(result: {
  stores: { store: string; instances: number; round?: number; creates: { requestsPerSecond: number; p99Ms: number }; reads?: { requestsPerSecond: number } }[];
  machine: { loadAverage: { before: number[]; after: number[] } };
}): string {
  const runs = result.stores.filter((r) => r.store === 'postgres' && r.round !== undefined);
  const rounds = [...new Set(runs.map((r) => r.round!))].sort((a, b) => a - b);
  const counts = [...new Set(runs.map((r) => r.instances))].sort((a, b) => a - b);
  const colours = ['#9ecae1', '#1f77b4', '#2ca02c', '#8c8c8c'];
  const w = 760;
  const h = 340;
  const panel = (x0: number, title: string, value: (r: (typeof runs)[number]) => number, label: (r: (typeof runs)[number]) => string): string[] => {
    const m = { l: 48, t: 44, b: 50 };
    const pw = w / 2 - m.l - 16;
    const max = Math.max(1, ...runs.map(value)) * 1.15;
    const y = (v: number) => m.t + ((max - v) / max) * (h - m.t - m.b);
    const g = [`<text x="${x0 + m.l + pw / 2}" y="${m.t - 16}" text-anchor="middle" font-size="13" font-weight="bold">${title}</text>`];
    for (let i = 0; i <= 4; i++) {
      const v = (max / 4) * i;
      g.push(
        `<line x1="${x0 + m.l}" x2="${x0 + m.l + pw}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${x0 + m.l - 4}" y="${y(v) + 4}" text-anchor="end" font-size="10">${Math.round(v)}</text>`,
      );
    }
    const gw = pw / Math.max(1, rounds.length);
    rounds.forEach((round, i) => {
      const bw = (gw * 0.8) / counts.length;
      counts.forEach((n, j) => {
        const r = runs.find((x) => x.round === round && x.instances === n);
        if (!r) return;
        const x = x0 + m.l + i * gw + gw * 0.1 + j * bw;
        g.push(`<rect x="${x}" y="${y(value(r))}" width="${bw * 0.9}" height="${y(0) - y(value(r))}" fill="${colours[j % colours.length]}"/>`);
        g.push(`<text x="${x + bw * 0.45}" y="${y(value(r)) - 4}" text-anchor="middle" font-size="9">${label(r)}</text>`);
      });
      g.push(`<text x="${x0 + m.l + i * gw + gw / 2}" y="${h - m.b + 16}" text-anchor="middle" font-size="11">round ${round}</text>`);
    });
    return g;
  };
  const load = result.machine.loadAverage;
  const g = [
    ...panel(
      0,
      'creates/s (label: p99 ms)',
      (r) => r.creates.requestsPerSecond,
      (r) => `${Math.round(r.creates.requestsPerSecond)} / ${r.creates.p99Ms}`,
    ),
    ...panel(
      w / 2,
      'reads/s',
      (r) => r.reads?.requestsPerSecond ?? 0,
      (r) => `${Math.round(r.reads?.requestsPerSecond ?? 0)}`,
    ),
  ];
  counts.forEach((n, j) => {
    g.push(`<rect x="${60 + j * 130}" y="${h - 22}" width="12" height="12" fill="${colours[j % colours.length]}"/>`);
    g.push(`<text x="${76 + j * 130}" y="${h - 12}" font-size="11">${n} instance${n > 1 ? 's' : ''}</text>`);
  });
  g.push(
    `<text x="${w - 8}" y="${h - 12}" text-anchor="end" font-size="10">PostgreSQL, 2 cores; load average ${load.before[0]} before, ${load.after[0]} after</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${g.join('\n')}\n</svg>\n`;
}
