// Where the map draws each accelerator: the geometry of a supernode's canvas, free of the DOM so that
// the browser tests can find a given accelerator's pixels.
import type { ServerOccupancy } from './occupancy-types.ts';

/** Side of one accelerator's square cell, in pixels. */
export const CELL = 6;
const GAP = 1;
const SERVER_GAP = 4;
const CELLS_ACROSS = 4;
/** Servers side by side in one canvas row (48 servers of a supernode make 4 rows). */
export const SERVERS_ACROSS = 12;

/** Pixel size of one server's box of cells. */
export function serverBox(accelerators: number): { width: number; height: number } {
  const rows = Math.ceil(accelerators / CELLS_ACROSS);
  return { width: CELLS_ACROSS * (CELL + GAP) - GAP, height: rows * (CELL + GAP) - GAP };
}

/** The box every server of a canvas gets: room for the most accelerators any of them has. */
export function boxOf(servers: readonly ServerOccupancy[]): { width: number; height: number } {
  return serverBox(Math.max(1, ...servers.map((s) => s.accelerators)));
}

/** Pixel size of a canvas that shows `servers`, laid out 12 servers across. */
export function canvasSize(servers: readonly ServerOccupancy[]): { width: number; height: number } {
  const box = boxOf(servers);
  const across = Math.min(SERVERS_ACROSS, Math.max(1, servers.length));
  const down = Math.ceil(servers.length / SERVERS_ACROSS) || 1;
  return { width: across * (box.width + SERVER_GAP) - SERVER_GAP, height: down * (box.height + SERVER_GAP) - SERVER_GAP };
}

/** Top-left pixel of the `i`-th server's box. */
export function serverOrigin(box: { width: number; height: number }, i: number): { x: number; y: number } {
  return { x: (i % SERVERS_ACROSS) * (box.width + SERVER_GAP), y: Math.floor(i / SERVERS_ACROSS) * (box.height + SERVER_GAP) };
}

/** Top-left pixel of accelerator `a`'s cell inside its server's box. */
export function cellOffset(a: number): { x: number; y: number } {
  return { x: (a % CELLS_ACROSS) * (CELL + GAP), y: Math.floor(a / CELLS_ACROSS) * (CELL + GAP) };
}

/** Top-left pixel of accelerator `a` of the `i`-th server on a canvas of `servers`. */
export function cellAt(servers: readonly ServerOccupancy[], i: number, a: number): { x: number; y: number } {
  const o = serverOrigin(boxOf(servers), i);
  const c = cellOffset(a);
  return { x: o.x + c.x, y: o.y + c.y };
}
