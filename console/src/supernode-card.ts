import { h, replace } from './dom.ts';
import { drawServers } from './draw-servers.ts';
import { popcount, sumCounts, type Counts } from './occupancy-figures.ts';
import type { ServerOccupancy } from './occupancy-types.ts';

/** What a card shows: a supernode, or a zone's servers outside any supernode. */
export interface CardData {
  id: string;
  label: string;
  servers: ServerOccupancy[];
  largestFreeBlock: number | null;
}

/** The counts line under a card; words and numbers, so nothing depends on telling colours apart. */
export function countsText(c: Counts, largestFreeBlock: number | null, leased = 0): string {
  const parts = [`held ${c.held}`, `free ${c.free}`, `faulty ${c.faulty}`];
  if (leased) parts.push(`leased ${leased}`);
  if (c.draining) parts.push(`draining ${c.draining}`);
  if (largestFreeBlock !== null) parts.push(`largest free block ${largestFreeBlock}`);
  return `${parts.join(' · ')} of ${c.total}`;
}

/**
 * One supernode on the map: a button (Tab reaches it, Enter opens its server list) holding the
 * canvas and a text summary. `update` redraws only when the supernode's data changed.
 */
export class SupernodeCard {
  readonly el: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly text: HTMLElement;
  private last = '';

  constructor(
    readonly id: string,
    onOpen: (id: string) => void,
  ) {
    this.canvas = h('canvas', { 'aria-hidden': 'true' });
    this.text = h('span', { class: 'counts' });
    this.button = h('button', { type: 'button', class: 'sn', 'aria-expanded': 'false', 'data-supernode': id, onclick: () => onOpen(id) });
    this.el = h('li', { class: 'sn-card' }, this.button);
  }

  update(data: CardData): void {
    const key = JSON.stringify([data.label, data.largestFreeBlock, data.servers]);
    if (key === this.last) return;
    this.last = key;
    const c = sumCounts(data.servers);
    const text = countsText(
      c,
      data.largestFreeBlock,
      data.servers.reduce((n, s) => n + popcount(s.leasedMask ?? 0), 0),
    );
    replace(this.text, text);
    this.button.setAttribute('aria-label', `${data.label}: ${text}. Press Enter for its servers.`);
    replace(this.button, h('span', { class: 'sn-name' }, data.label), this.canvas, this.text);
    drawServers(this.canvas, data.servers);
  }

  setExpanded(open: boolean): void {
    this.button.setAttribute('aria-expanded', String(open));
  }
}
