/**
 * A colour per holder index. Index 0 (another project's holdings) is grey; the others take hues
 * spaced by the golden angle, so neighbouring indices never look alike. Colour is never the only
 * signal: the legend and tables name each holder, and faulty/draining use glyphs and hatching.
 */
export function holderColour(index: number): string {
  const [r, g, b] = holderRgb(index);
  return `rgb(${r} ${g} ${b})`;
}

/** The same colour as red, green and blue, for drawing pixels directly. */
export function holderRgb(index: number): [number, number, number] {
  if (index === 0) return [138, 143, 152];
  return hslToRgb((index * 137.508) % 360, 0.7, 0.42);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

export const FREE_COLOUR = '#e8ecf1';
export const FREE_RGB: [number, number, number] = [232, 236, 241];
export const FAULTY_RGB: [number, number, number] = [29, 29, 31];
export const DRAIN_RGB: [number, number, number] = [200, 60, 0];
