import type { Holder } from './occupancy-types.ts';

/** How a holder is named in legends and tables; other projects' holdings stay anonymous. */
export function holderLabel(h: Holder | undefined, ownProject: string): string {
  if (!h || !h.visible) return 'another project';
  const what = `${h.kind ?? 'resource'} ${h.name ?? h.id ?? ''}`.trim();
  return h.project && h.project !== ownProject ? `${h.project}: ${what}` : what;
}
