import type { ApiClient } from './api-client.ts';
import { maskSecrets } from './collections.ts';
import { h, replace, rerender } from './dom.ts';
import { listCollection } from './list-collection.ts';
import { poll } from './poll.ts';

/** True when the control plane has a `queues` collection (it answers 404 before queues exist). */
export async function hasQueues(api: ApiClient): Promise<boolean> {
  try {
    return (await listCollection(api, 'queues')) !== undefined;
  } catch {
    return false;
  }
}

type QueueItem = { name: string; status?: string; statusReason?: string | null; spec?: unknown; outputs?: unknown };

/**
 * Queues and their pending work, drawn from whatever the `queues` collection returns: name, status
 * and the rest as data, so the page needs no change as the queue kind grows fields.
 */
export function queuesPage(root: HTMLElement, api: ApiClient): () => void {
  const body = h('div', {});
  replace(root, h('h2', {}, `Queues of ${api.project}`), body);
  return poll(async () => {
    const items = (await listCollection<QueueItem>(api, 'queues')) ?? [];
    rerender(body, JSON.stringify(items), () => [
      items.length === 0
        ? h('p', {}, 'No queues.')
        : h(
            'ul',
            { class: 'queues' },
            ...items.map((q) =>
              h(
                'li',
                { 'data-queue': q.name },
                h('h3', {}, q.name, ' ', h('span', { class: `badge ${q.status ?? ''}` }, q.status ?? 'unknown')),
                q.statusReason ? h('p', {}, q.statusReason) : null,
                h('pre', { class: 'json' }, JSON.stringify(maskSecrets({ spec: q.spec, outputs: q.outputs }), null, 2)),
              ),
            ),
          ),
    ]);
  }, 2000);
}
