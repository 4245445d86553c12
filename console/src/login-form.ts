import { ApiClient } from './api-client.ts';
import { h, replace } from './dom.ts';
import type { Session } from './session-token.ts';

/**
 * Asks for a token and a project and checks them against the API before keeping them; the token
 * field is a password field, so it is not shown or remembered by the browser's autofill.
 */
export function loginForm(root: HTMLElement, onSession: (s: Session) => void, notice?: string): void {
  const token = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true });
  const project = h('input', { id: 'project', name: 'project', type: 'text', value: 'default', required: true });
  const error = h('p', { class: 'error', role: 'alert' }, notice ?? '');
  const submit = async (e: Event) => {
    e.preventDefault();
    const s: Session = { token: token.value.trim(), project: project.value.trim() || 'default' };
    try {
      await new ApiClient(s).get(new ApiClient(s).projectPath('/operations?limit=1'));
      onSession(s);
    } catch (err) {
      replace(error, `Sign-in failed: ${(err as Error).message}`);
      token.focus();
    }
  };
  replace(
    root,
    h(
      'form',
      { class: 'login', onsubmit: (e: Event) => void submit(e), 'aria-labelledby': 'login-title' },
      h('h2', { id: 'login-title' }, 'Sign in'),
      h('p', {}, 'The token stays in this browser tab only (session storage) and is sent to this control plane alone.'),
      h('label', { for: 'token' }, 'API token'),
      token,
      h('label', { for: 'project' }, 'Project'),
      project,
      h('button', { type: 'submit' }, 'Sign in'),
      error,
    ),
  );
  token.focus();
}
