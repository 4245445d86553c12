import type { CurvePoint } from './mode-a.ts';

const COLOURS: Record<string, string> = { 'first-fit': '#8c8c8c', 'best-fit': '#1f77b4', random: '#d62728', fgd: '#ff7f0e', 'fgd-pack': '#2ca02c' };

interface Panel {
  title: string;
  curves: { policy: string; curve: CurvePoint[] }[];
  markers?: { label: string; points: [number, number][] }[];
}

/** Allocation ratio against arrived demand, one line per policy, one panel per mode. */
export function renderSvg(panels: Panel[], shipped: string): string {
  const w = 460;
  const h = 360;
  const m = { l: 52, r: 14, t: 34, b: 70 };
  // Both axes start at 40%: below that every policy places everything, and the zoom shows where they differ.
  const yMin = 40;
  const xMin = 40;
  const x = (v: number) => m.l + ((v - xMin) / (130 - xMin)) * (w - m.l - m.r);
  const y = (v: number) => m.t + ((100 - Math.max(yMin, v)) / (100 - yMin)) * (h - m.t - m.b);
  const parts: string[] = [];
  panels.forEach((panel, i) => {
    const ox = i * w;
    const g: string[] = [
      `<g transform="translate(${ox},0)">`,
      `<text x="${w / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(panel.title)}</text>`,
    ];
    for (let v = yMin; v <= 100; v += 10)
      g.push(
        `<line x1="${m.l}" x2="${w - m.r}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${m.l - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v}</text>`,
      );
    for (let v = xMin; v <= 130; v += 10) g.push(`<text x="${x(v)}" y="${h - m.b + 16}" text-anchor="middle" font-size="11">${v}</text>`);
    g.push(`<rect x="${m.l}" y="${m.t}" width="${w - m.l - m.r}" height="${h - m.t - m.b}" fill="none" stroke="#999"/>`);
    g.push(`<polyline fill="none" stroke="#bbb" stroke-dasharray="4 3" points="${[40, 100, 130].map((v) => `${x(v)},${y(Math.min(v, 100))}`).join(' ')}"/>`);
    g.push(`<text x="${(m.l + w - m.r) / 2}" y="${h - m.b + 32}" text-anchor="middle" font-size="12">arrived demand (% of capacity)</text>`);
    g.push(`<text transform="translate(14,${(m.t + h - m.b) / 2}) rotate(-90)" text-anchor="middle" font-size="12">allocated (% of capacity)</text>`);
    for (const { policy, curve } of panel.curves) {
      const pts = curve
        .filter((p) => p.arrived >= xMin)
        .map((p) => `${x(p.arrived).toFixed(1)},${y(p.allocated).toFixed(1)}`)
        .join(' ');
      g.push(`<polyline fill="none" stroke="${COLOURS[policy] ?? '#000'}" stroke-width="${policy === shipped ? 2.5 : 1.5}" points="${pts}"/>`);
    }
    for (const marker of panel.markers ?? []) {
      for (const [ax, ay] of marker.points) g.push(`<circle cx="${x(ax)}" cy="${y(ay)}" r="4" fill="none" stroke="#000"/>`);
    }
    const legend = [
      ...panel.curves.map((c) => ({ label: c.policy + (c.policy === shipped ? ' (shipped)' : ''), colour: COLOURS[c.policy] ?? '#000', circle: false })),
      ...(panel.markers ?? []).map((mk) => ({ label: mk.label, colour: '#000', circle: true })),
    ];
    legend.forEach((item, j) => {
      const lx = m.l + (j % 3) * 130;
      const ly = h - 18 + Math.floor(j / 3) * 14 - 10;
      g.push(
        item.circle
          ? `<circle cx="${lx + 8}" cy="${ly - 4}" r="4" fill="none" stroke="#000"/>`
          : `<line x1="${lx}" x2="${lx + 16}" y1="${ly - 4}" y2="${ly - 4}" stroke="${item.colour}" stroke-width="2"/>`,
      );
      g.push(`<text x="${lx + 20}" y="${ly}" font-size="11">${esc(item.label)}</text>`);
    });
    g.push('</g>');
    parts.push(g.join('\n'));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w * panels.length}" height="${h}" viewBox="0 0 ${w * panels.length} ${h}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
