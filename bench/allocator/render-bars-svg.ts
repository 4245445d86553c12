/** A bar chart with standard-error whiskers, for mode C's served demand per run. */
export function renderBarsSvg(title: string, bars: { label: string; value: number; se: number }[]): string {
  const w = 560;
  const h = 340;
  const m = { l: 52, r: 14, t: 36, b: 56 };
  const lo = Math.max(0, Math.floor(Math.min(...bars.map((b) => b.value - 2 * b.se)) / 5) * 5 - 5);
  const hi = Math.min(100, Math.ceil(Math.max(...bars.map((b) => b.value + 2 * b.se)) / 5) * 5 + 1);
  const y = (v: number) => m.t + ((hi - v) / (hi - lo)) * (h - m.t - m.b);
  const bw = (w - m.l - m.r) / bars.length;
  const colours = ['#1f77b4', '#9ecae1', '#2ca02c', '#8c8c8c'];
  const g: string[] = [`<text x="${w / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`];
  for (let v = Math.ceil(lo); v <= hi; v += 5)
    g.push(
      `<line x1="${m.l}" x2="${w - m.r}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${m.l - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v}</text>`,
    );
  bars.forEach((b, i) => {
    const x = m.l + i * bw + bw * 0.15;
    g.push(`<rect x="${x}" y="${y(b.value)}" width="${bw * 0.7}" height="${y(lo) - y(b.value)}" fill="${colours[i % colours.length]}"/>`);
    const cx = x + bw * 0.35;
    g.push(`<line x1="${cx}" x2="${cx}" y1="${y(b.value - b.se)}" y2="${y(b.value + b.se)}" stroke="#000"/>`);
    g.push(`<text x="${cx}" y="${y(b.value + b.se) - 5}" text-anchor="middle" font-size="11">${b.value.toFixed(1)}</text>`);
    g.push(`<text x="${cx}" y="${h - m.b + 16}" text-anchor="middle" font-size="11">${esc(b.label)}</text>`);
  });
  g.push(`<text transform="translate(14,${(m.t + h - m.b) / 2}) rotate(-90)" text-anchor="middle" font-size="12">served NPU demand (%)</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${g.join('\n')}\n</svg>\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
