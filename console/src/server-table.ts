import { h } from './dom.ts';
import { holderLabel } from './holder-label.ts';
import { popcount, serverCounts } from './occupancy-figures.ts';
import type { Holder, ServerOccupancy } from './occupancy-types.ts';

/** The server list a supernode opens to: every server with who holds it and what is free or broken. */
export function serverTable(caption: string, servers: readonly ServerOccupancy[], holders: readonly Holder[], project: string): HTMLTableElement {
  const rows = servers.map((s) => {
    const c = serverCounts(s);
    const by = s.held.map(([i, mask]) => `${holderLabel(holders[i], project)} (${popcount(mask)})`).join(', ');
    const faulty: number[] = [];
    for (let a = 0; a < s.accelerators; a++) if ((s.faultyMask >>> a) & 1) faulty.push(a);
    return h(
      'tr',
      { 'data-server': s.id },
      h('th', { scope: 'row' }, s.id),
      h('td', {}, by || '—'),
      h('td', { class: 'num' }, c.held),
      h('td', { class: 'num' }, c.free),
      h('td', {}, faulty.length ? `${faulty.length} (${faulty.join(', ')})` : '0'),
      h('td', {}, s.draining ? 'draining' : 'no'),
    );
  });
  return h(
    'table',
    { class: 'servers' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...['Server', 'Held by', 'Held', 'Free', 'Faulty', 'Draining'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows),
  );
}
