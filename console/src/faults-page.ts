import { ApiError, type ApiClient } from './api-client.ts';
import { h, replace } from './dom.ts';
import { faultSpecText, type Faults } from './fault-spec-text.ts';

type Health = {
  marks: Array<{ target: string; type: string; reason: string; createdAt: string; affected: Array<{ kind: string; project: string; name: string }> }>;
};

/**
 * The admin's fault switches: injected API faults (the `--faults` spec), and marking accelerators
 * faulty or servers draining, with what runs on marked hardware. Only shown to the admin token.
 */
export function faultsPage(root: HTMLElement, api: ApiClient): () => void {
  const current = h('p', { 'aria-live': 'polite' });
  const message = h('p', { role: 'status' });
  const spec = h('input', { id: 'fault-spec', type: 'text', size: 60, placeholder: 'POST /v1/projects/*/clusters=0.2:503,latency=20ms,opfail=0.1' });
  const markId = h('input', { id: 'mark-id', type: 'text', size: 40, placeholder: 'cn-southwest-2a/sn-1/s07/3' });
  const drainId = h('input', { id: 'drain-id', type: 'text', size: 40, placeholder: 'cn-southwest-2a/sn-1/s07' });
  const marks = h('div', {});

  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      replace(message, done);
    } catch (e) {
      const err = e as ApiError;
      replace(message, `Refused: ${err.message}${err instanceof ApiError && err.hint ? ` (${err.hint})` : ''}`);
    }
    await refresh();
  };
  const refresh = async () => {
    const [faults, health] = await Promise.all([api.get<Faults>('/v1/admin/faults'), api.get<Health>('/v1/admin/health')]);
    const text = faultSpecText(faults);
    replace(current, text ? `Injected faults now: ${text}` : 'No faults injected.');
    replace(
      marks,
      health.marks.length === 0
        ? h('p', {}, 'No hardware is marked.')
        : h(
            'table',
            {},
            h('caption', {}, 'Health marks'),
            h('thead', {}, h('tr', {}, ...['Target', 'Mark', 'Reason', 'Running there'].map((t) => h('th', { scope: 'col' }, t)))),
            h(
              'tbody',
              {},
              ...health.marks.map((m) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, m.target),
                  h('td', {}, m.type === 'server' ? 'draining' : 'faulty'),
                  h('td', {}, m.reason),
                  h('td', {}, m.affected.map((a) => `${a.project}: ${a.kind} ${a.name}`).join(', ') || '—'),
                ),
              ),
            ),
          ),
    );
  };
  const form = (label: string, input: HTMLInputElement, button: string, onSubmit: () => void) =>
    h(
      'form',
      {
        class: 'inline',
        onsubmit: (e: Event) => {
          e.preventDefault();
          onSubmit();
        },
      },
      h('label', { for: input.id }, label),
      input,
      h('button', { type: 'submit' }, button),
    );

  replace(
    root,
    h('h2', {}, 'Fault switches'),
    h('p', {}, 'Admin only. Faults apply to every project on this control plane; /v1/admin and /healthz never fail.'),
    current,
    form('Fault spec', spec, 'Inject', () => void act(() => api.send('POST', '/v1/admin/faults', { spec: spec.value }), 'Faults set.')),
    h('button', { type: 'button', onclick: () => void act(() => api.send('DELETE', '/v1/admin/faults'), 'Faults cleared.') }, 'Clear all faults'),
    h('h3', {}, 'Hardware'),
    form(
      'Mark accelerator faulty',
      markId,
      'Mark faulty',
      () => void act(() => api.send('POST', '/v1/admin/accelerators:markFaulty', { ids: [markId.value.trim()] }), `${markId.value} marked faulty.`),
    ),
    form(
      'Drain server',
      drainId,
      'Drain',
      () => void act(() => api.send('POST', '/v1/admin/servers:drain', { ids: [drainId.value.trim()] }), `${drainId.value} draining.`),
    ),
    marks,
    message,
  );
  void refresh().catch((e: Error) => replace(message, `Could not read faults: ${e.message}`));
  return () => {};
}
