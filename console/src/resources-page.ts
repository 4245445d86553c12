import type { ApiClient } from './api-client.ts';
import { COLLECTIONS, maskSecrets, type WireOperation, type WireResource } from './collections.ts';
import { h, replace, rerender } from './dom.ts';
import { listCollection } from './list-collection.ts';
import { operationsTable } from './operations-table.ts';
import { poll } from './poll.ts';

/**
 * A project's resources with their status, and for the one opened its allocation, outputs (secrets
 * masked) and operation history. Polls, so a status moving from provisioning to ready shows live.
 */
export function resourcesPage(root: HTMLElement, api: ApiClient): () => void {
  const table = h('div', {});
  const detail = h('section', { class: 'detail', tabindex: '-1', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert' });
  replace(root, h('h2', {}, `Resources of ${api.project}`), error, table, detail);
  let open: string | undefined;
  let resources: WireResource[] = [];

  const renderDetail = async () => {
    const r = resources.find((x) => x.id === open);
    if (!r) {
      rerender(detail, '', () => []);
      return;
    }
    const history = await api.get<{ operations: WireOperation[] }>(api.projectPath(`/operations?resource=${encodeURIComponent(r.id)}&limit=50`));
    const alloc = r.allocation;
    rerender(detail, JSON.stringify([r, history]), () => [
      h('h3', {}, `${r.kind} ${r.name}`),
      h(
        'dl',
        {},
        h('dt', {}, 'Status'),
        h('dd', {}, r.status + (r.statusReason ? ` (${r.statusReason})` : '')),
        h('dt', {}, 'Id'),
        h('dd', {}, r.id),
        alloc ? h('dt', {}, 'Allocation') : null,
        alloc ? h('dd', {}, `${alloc.acceleratorCount} accelerators on ${alloc.servers.length} servers in ${alloc.supernodes.join(', ') || alloc.zone}`) : null,
      ),
      h('h4', {}, 'Outputs'),
      h('pre', { class: 'json' }, JSON.stringify(maskSecrets(r.outputs), null, 2)),
      h('h4', {}, 'Spec'),
      h('pre', { class: 'json' }, JSON.stringify(maskSecrets(r.spec), null, 2)),
      operationsTable(`Operation history of ${r.name}`, history.operations),
    ]);
  };

  const tick = async () => {
    try {
      const lists = await Promise.all(COLLECTIONS.map((c) => listCollection<WireResource>(api, c)));
      resources = lists.flatMap((l) => l ?? []);
      replace(error);
    } catch (e) {
      replace(error, `Could not list resources: ${(e as Error).message}`);
      throw e;
    }
    rerender(table, JSON.stringify([open, resources]), () => [
      resources.length === 0
        ? h('p', {}, 'This project has no resources.')
        : h(
            'table',
            { class: 'resources' },
            h('caption', {}, 'Resources'),
            h('thead', {}, h('tr', {}, ...['Name', 'Kind', 'Status', 'Accelerators', 'Updated', ''].map((t) => h('th', { scope: 'col' }, t)))),
            h(
              'tbody',
              {},
              ...resources.map((r) =>
                h(
                  'tr',
                  { 'data-resource': `${r.kind}/${r.name}`, 'data-status': r.status },
                  h('th', { scope: 'row' }, r.name),
                  h('td', {}, r.kind),
                  h('td', {}, h('span', { class: `badge ${r.status}` }, r.status)),
                  h('td', { class: 'num' }, r.allocation?.acceleratorCount ?? '—'),
                  h('td', {}, new Date(r.updatedAt).toLocaleTimeString()),
                  h(
                    'td',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        'data-focus': r.id,
                        'aria-expanded': String(open === r.id),
                        'aria-label': `Details of ${r.kind} ${r.name}`,
                        onclick: () => {
                          open = open === r.id ? undefined : r.id;
                          void tick().then(() => open && detail.focus());
                        },
                      },
                      open === r.id ? 'Hide' : 'Details',
                    ),
                  ),
                ),
              ),
            ),
          ),
    ]);
    if (open) await renderDetail();
  };
  return poll(tick, 2000);
}
