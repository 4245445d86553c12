/** Attributes and properties `h` sets: `on*` functions become listeners, the rest attributes. */
export type Props = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
export type Child = Node | string | number | null | undefined | false;

/**
 * Builds an element: the whole console is made of these, so no template engine or framework is
 * needed, and text always goes in as text (never as HTML), which keeps names from injecting markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'object' ? c : String(c));
  return el;
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren(
    ...children.filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'object' ? c : String(c))),
  );
}

const shownKeys = new WeakMap<Element, string>();

/**
 * Re-renders `el` only when `key` (what it shows) changed, and gives focus back to the element
 * with the same `data-focus` afterwards: polled pages must not steal keyboard focus or make screen
 * readers announce the same content every second.
 */
export function rerender(el: Element, key: string, build: () => Child[]): void {
  if (shownKeys.get(el) === key) return;
  shownKeys.set(el, key);
  const active = document.activeElement;
  const focusKey = active && el.contains(active) ? active.getAttribute('data-focus') : null;
  replace(el, ...build());
  if (focusKey) (el.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
}
