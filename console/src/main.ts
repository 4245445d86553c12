import { ApiClient } from './api-client.ts';
import { h, replace } from './dom.ts';
import { faultsPage } from './faults-page.ts';
import { loginForm } from './login-form.ts';
import { occupancyPage } from './occupancy-page.ts';
import { operationsPage } from './operations-page.ts';
import { hasQueues, queuesPage } from './queues-page.ts';
import { resourcesPage } from './resources-page.ts';
import { clearSession, readSession, saveSession, takeTokenFromFragment, type Session } from './session-token.ts';

type Page = (root: HTMLElement, api: ApiClient) => () => void;

const PAGES: Record<string, { title: string; page: Page }> = {
  map: { title: 'Occupancy map', page: occupancyPage },
  resources: { title: 'Resources', page: resourcesPage },
  operations: { title: 'Operations', page: operationsPage },
  queues: { title: 'Queues', page: queuesPage },
  faults: { title: 'Fault switches', page: faultsPage },
};

/** Entry point: takes a token from the address (aicloud console), else asks for one, then routes by `#page`. */
function start(): void {
  const main = document.getElementById('main')!;
  const nav = document.getElementById('nav')!;
  const who = document.getElementById('who')!;
  takeTokenFromFragment(window.location, window.history, sessionStorage);
  let stop: (() => void) | undefined;

  const signIn = (notice?: string) => {
    stop?.();
    stop = undefined;
    window.onhashchange = null;
    nav.hidden = true;
    replace(who);
    loginForm(
      main,
      (s) => {
        saveSession(sessionStorage, s);
        void open(s);
      },
      notice,
    );
  };

  const open = async (session: Session) => {
    const api = new ApiClient(session);
    // The map starts at once; whether the token is the admin's and whether queues exist is asked
    // meanwhile, and the menu grows when the answers come.
    let shown = ['map', 'resources', 'operations'];
    let admin = false;
    let opened = '';
    const markCurrent = () => {
      for (const a of nav.querySelectorAll('a')) {
        if (a.dataset.page === opened) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    };
    const go = () => {
      const name = window.location.hash.replace(/^#/, '');
      const key = shown.includes(name) ? name : 'map';
      opened = key;
      stop?.();
      for (const a of nav.querySelectorAll('a')) {
        if (a.dataset.page === key) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      document.title = `${PAGES[key]!.title} · aicloud console`;
      stop = PAGES[key]!.page(main, api);
    };
    const drawNav = () => {
      replace(nav, h('ul', {}, ...shown.map((k) => h('li', {}, h('a', { href: `#${k}`, 'data-page': k }, PAGES[k]!.title)))));
      nav.hidden = false;
      replace(
        who,
        `Project ${session.project}${admin ? ' (admin token)' : ''} `,
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              clearSession(sessionStorage);
              window.location.hash = '';
              signIn();
            },
          },
          'Sign out',
        ),
      );
    };
    drawNav();
    window.onhashchange = go;
    go();
    const [isAdmin, queues] = await Promise.all([
      api.get('/v1/admin/faults').then(
        () => true,
        () => false,
      ),
      hasQueues(api),
    ]);
    admin = isAdmin;
    shown = Object.keys(PAGES).filter((k) => (k !== 'faults' || admin) && (k !== 'queues' || queues));
    drawNav();
    // A link to a page that only now turned out to exist (#faults for the admin) opens it.
    const wanted = window.location.hash.replace(/^#/, '');
    if (wanted !== opened && shown.includes(wanted)) go();
    else markCurrent();
  };

  // A sign-in link opened in a tab that already shows the console.
  window.addEventListener('hashchange', () => {
    if (!/(^#|&)token=/.test(window.location.hash)) return;
    takeTokenFromFragment(window.location, window.history, sessionStorage);
    const s = readSession(sessionStorage);
    if (s) void open(s);
  });

  const session = readSession(sessionStorage);
  if (session) void open(session);
  else signIn();
}

start();
