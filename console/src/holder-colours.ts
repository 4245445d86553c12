/**
 * A colour per holder index. Index 0 (another project's holdings) is grey; the others take hues
 * spaced by the golden angle, so neighbouring indices never look alike. Colour is never the only
 * signal: the legend and tables name each holder, and faulty/draining use glyphs and hatching.
 */
export function holderColour(index: number): string {
  if (index === 0) return '#8a8f98';
  const hue = Math.round((index * 137.508) % 360);
  return `hsl(${hue} 70% 42%)`;
}

export const FREE_COLOUR = '#e8ecf1';
export const FAULTY_COLOUR = '#1d1d1f';
export const DRAIN_COLOUR = 'rgba(200, 60, 0, 0.9)';
