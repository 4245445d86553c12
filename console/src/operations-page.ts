import type { ApiClient } from './api-client.ts';
import type { WireOperation } from './collections.ts';
import { h, replace, rerender } from './dom.ts';
import { operationsTable } from './operations-table.ts';
import { poll } from './poll.ts';

/** The project's operations, newest first, refreshed every second: running ones turn done or failed in place. */
export function operationsPage(root: HTMLElement, api: ApiClient): () => void {
  const body = h('div', {});
  const summary = h('p', { 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert' });
  replace(root, h('h2', {}, `Operations of ${api.project}`), error, summary, body);
  return poll(async () => {
    let ops: WireOperation[];
    try {
      ({ operations: ops } = await api.get<{ operations: WireOperation[] }>(api.projectPath('/operations?limit=100')));
      replace(error);
    } catch (e) {
      replace(error, `Could not read operations: ${(e as Error).message}`);
      throw e;
    }
    const running = ops.filter((o) => o.status === 'running').length;
    const text = `${running} running, ${ops.length} shown (newest first, updated live).`;
    rerender(summary, text, () => [text]);
    rerender(body, JSON.stringify(ops), () => [ops.length ? operationsTable('Operations', ops) : h('p', {}, 'No operations yet.')]);
  }, 1000);
}
