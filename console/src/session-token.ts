const TOKEN = 'aicloud.token';
const PROJECT = 'aicloud.project';

/** What the console calls the API with; kept in sessionStorage only, so closing the tab forgets it. */
export interface Session {
  token: string;
  project: string;
}

/**
 * `aicloud console` opens `/#token=...&project=...`: the fragment never reaches the server or its
 * logs; it is moved into sessionStorage here and removed from the address bar and history.
 */
export function takeTokenFromFragment(location: Location, history: History, storage: Storage): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (!token) return;
  storage.setItem(TOKEN, token);
  storage.setItem(PROJECT, params.get('project') || 'default');
  history.replaceState(null, '', location.pathname + location.search);
}

export function readSession(storage: Storage): Session | undefined {
  const token = storage.getItem(TOKEN);
  if (!token) return undefined;
  return { token, project: storage.getItem(PROJECT) || 'default' };
}

export function saveSession(storage: Storage, s: Session): void {
  storage.setItem(TOKEN, s.token);
  storage.setItem(PROJECT, s.project);
}

export function clearSession(storage: Storage): void {
  storage.removeItem(TOKEN);
  storage.removeItem(PROJECT);
}
