import { h } from './dom.ts';
import type { WireOperation } from './collections.ts';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : '—');

/** Operations as a table; the status is a word (and a class for colour), never only a colour. */
export function operationsTable(caption: string, ops: readonly WireOperation[]): HTMLTableElement {
  return h(
    'table',
    { class: 'ops' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...['Operation', 'Type', 'Resource', 'Status', 'Started', 'Done', 'Error'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...ops.map((op) =>
        h(
          'tr',
          { 'data-operation': op.id, 'data-status': op.status },
          h('th', { scope: 'row' }, op.id),
          h('td', {}, op.type),
          h('td', {}, `${op.target.kind} ${op.target.name}`),
          h('td', {}, h('span', { class: `badge ${op.status}` }, op.status)),
          h('td', {}, time(op.createdAt)),
          h('td', {}, time(op.doneAt)),
          h('td', {}, op.error ? `${op.error.code}: ${op.error.message}` : ''),
        ),
      ),
    ),
  );
}
