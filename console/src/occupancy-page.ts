import type { ApiClient } from './api-client.ts';
import { h, replace } from './dom.ts';
import { drawStats } from './draw-servers.ts';
import { FREE_COLOUR, holderColour } from './holder-colours.ts';
import { holderLabel } from './holder-label.ts';
import { holderTotals, zoneTypeFigures } from './occupancy-figures.ts';
import type { Occupancy, ZoneOccupancy } from './occupancy-types.ts';
import { poll } from './poll.ts';
import { serverTable } from './server-table.ts';
import { SupernodeCard, type CardData } from './supernode-card.ts';

/** Timings of the last map render, read by the benchmark (bench/console). */
export interface RenderTiming {
  fetchMs: number;
  renderMs: number;
  /** Of renderMs, the part spent drawing canvases. */
  drawMs: number;
  accelerators: number;
  /** performance.now() when the first full render finished. */
  firstRenderAt: number | null;
}

declare global {
  interface Window {
    aicloudMap?: RenderTiming;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The occupancy map: per zone its utilisation and fragmentation, a legend naming each holder, and
 * one card per supernode; refreshed by polling, so deletes and faults show without a reload.
 */
export function occupancyPage(root: HTMLElement, api: ApiClient): () => void {
  const figures = h('div', { class: 'zones' });
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' });
  const maps = h('div', {});
  const detail = h('section', {
    class: 'detail',
    'aria-live': 'polite',
    tabindex: '-1',
    onkeydown: (e: Event) => {
      if ((e as KeyboardEvent).key === 'Escape') closeDetail();
    },
  });
  const error = h('p', { class: 'error', role: 'alert' });
  replace(root, h('h2', {}, 'Occupancy'), error, figures, h('h3', {}, 'Legend'), legend, maps, detail);
  const cards = new Map<string, SupernodeCard>();
  const zoneLists = new Map<string, HTMLElement>();
  let data: Occupancy | undefined;
  let open: string | undefined;
  const timing: RenderTiming = { fetchMs: 0, renderMs: 0, drawMs: 0, accelerators: 0, firstRenderAt: null };
  window.aicloudMap = timing;

  const cardData = (key: string): CardData | undefined => {
    if (!data) return undefined;
    for (const z of data.zones) {
      for (const sn of z.supernodes)
        if (`${z.zone}/${sn.id}` === key) return { id: key, label: sn.id, servers: sn.servers, largestFreeBlock: sn.largestFreeBlock };
      if (`${z.zone}/-` === key) return { id: key, label: 'servers outside supernodes', servers: z.servers, largestFreeBlock: null };
    }
    return undefined;
  };

  const showDetail = () => {
    for (const [k, c] of cards) c.setExpanded(k === open);
    const d = open ? cardData(open) : undefined;
    if (!d || !data) {
      replace(detail);
      return;
    }
    replace(
      detail,
      h('h3', {}, `Servers of ${d.label}`),
      h('button', { type: 'button', onclick: () => closeDetail() }, 'Close server list'),
      serverTable(`Servers of ${d.label}`, d.servers, data.holders, api.project),
    );
  };
  const closeDetail = () => {
    const was = open;
    open = undefined;
    showDetail();
    if (was) (cards.get(was)?.el.querySelector('button') as HTMLButtonElement | null)?.focus();
  };
  const onOpen = (key: string) => {
    open = open === key ? undefined : key;
    showDetail();
    if (open) detail.focus();
  };

  const renderZone = (z: ZoneOccupancy) => {
    let list = zoneLists.get(z.zone);
    if (!list) {
      list = h('ul', { class: 'sn-grid', 'aria-label': `Supernodes of ${z.zone}` });
      zoneLists.set(z.zone, list);
      maps.append(h('section', { class: 'zone-map', 'data-zone': z.zone }, h('h3', {}, `Map of ${z.zone}`), list));
    }
    const keys = z.supernodes.map((sn) => `${z.zone}/${sn.id}`);
    if (z.servers.length) keys.push(`${z.zone}/-`);
    for (const key of keys) {
      let card = cards.get(key);
      if (!card) {
        card = new SupernodeCard(key, onOpen);
        cards.set(key, card);
        list.append(card.el);
      }
      card.update(cardData(key)!);
    }
  };

  const render = (occ: Occupancy) => {
    data = occ;
    replace(
      figures,
      h(
        'table',
        { class: 'figures' },
        h(
          'caption',
          {},
          'Utilisation and fragmentation per zone and accelerator type. Fragmentation: the share of free accelerators stranded on partly held servers, which no whole-server request (a gang, a multi-server cluster) can use; 0% for an empty zone.',
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Zone', 'Accelerator type', 'Utilisation', 'Fragmentation', 'Held', 'Free', 'Faulty', 'Draining', 'Largest free block'].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...occ.zones.flatMap((z) =>
            zoneTypeFigures(z).map(({ acceleratorType, figures: f }) => {
              return h(
                'tr',
                { 'data-zone': z.zone, 'data-accelerator-type': acceleratorType },
                h('th', { scope: 'row' }, `${z.zone} (${z.region})`),
                h('td', {}, acceleratorType),
                h('td', { class: 'num' }, pct(f.utilisation)),
                h(
                  'td',
                  {
                    class: 'num',
                    title: `${f.strandedFree} of ${f.free} free accelerators sit beside held ones on partly used servers, so no whole-server request can use them`,
                  },
                  pct(f.fragmentation),
                ),
                h('td', { class: 'num' }, f.held),
                h('td', { class: 'num' }, f.free),
                h('td', { class: 'num' }, f.faulty),
                h('td', { class: 'num' }, f.draining),
                h('td', {}, f.largestFreeBlockWhere ? `${f.largestFreeBlock} in ${f.largestFreeBlockWhere}` : String(f.largestFreeBlock)),
              );
            }),
          ),
        ),
      ),
    );
    const totals = holderTotals(occ.zones);
    // Colours go through the CSSOM: the page's content security policy forbids inline style attributes.
    const swatch = (cls: string, colour?: string) => {
      const el = h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' });
      // A lease's swatch is hollow in its colour, as the map draws what it holds.
      if (colour && cls === 'leased') el.style.boxShadow = `inset 0 0 0 3px ${colour}`;
      else if (colour) el.style.background = colour;
      return el;
    };
    replace(
      legend,
      h('li', {}, swatch('free', FREE_COLOUR), 'free'),
      h('li', {}, swatch('faulty'), 'faulty (×)'),
      h('li', {}, swatch('draining'), 'draining server (hatched)'),
      h('li', {}, swatch('leased'), 'leased by a plan (hollow)'),
      ...[...totals.keys()]
        .sort((a, b) => a - b)
        .map((i) => {
          const t = totals.get(i)!;
          const name = holderLabel(occ.holders[i], occ.project);
          const leased = i !== 0 && occ.holders[i]?.kind === 'Lease';
          return h(
            'li',
            { 'data-holder': name, 'data-accelerators': t.accelerators, 'data-servers': t.servers, 'data-leased': leased ? 'true' : undefined },
            swatch(i === 0 ? 'other' : leased ? 'leased' : 'held', holderColour(i)),
            `${name}: ${t.accelerators} accelerators on ${t.servers} servers`,
          );
        }),
    );
    for (const z of occ.zones) renderZone(z);
    if (open) showDetail();
  };

  let etag: string | undefined;
  const tick = async () => {
    const t0 = performance.now();
    let occ: Occupancy;
    try {
      const answer = await api.getIfChanged<Occupancy>(api.projectPath('/occupancy'), etag);
      replace(error);
      if (!answer) return;
      occ = answer.body;
      etag = answer.etag;
    } catch (e) {
      replace(error, `Could not read the occupancy: ${(e as Error).message}`);
      throw e;
    }
    const t1 = performance.now();
    const drawnBefore = drawStats.ms;
    render(occ);
    const t2 = performance.now();
    timing.fetchMs = t1 - t0;
    timing.renderMs = t2 - t1;
    timing.drawMs = drawStats.ms - drawnBefore;
    timing.accelerators = occ.zones.reduce((n, z) => n + [...z.supernodes.flatMap((s) => s.servers), ...z.servers].reduce((m, s) => m + s.accelerators, 0), 0);
    if (timing.firstRenderAt === null) timing.firstRenderAt = t2;
    root.dataset.mapVersion = String(Number(root.dataset.mapVersion ?? 0) + 1);
  };
  return poll(tick, 1500);
}
