import { DRAIN_COLOUR, FAULTY_COLOUR, FREE_COLOUR, holderColour } from './holder-colours.ts';
import type { ServerOccupancy } from './occupancy-types.ts';

const CELL = 6;
const GAP = 1;
const SERVER_GAP = 4;
const CELLS_ACROSS = 4;
/** Servers side by side in one canvas row (48 servers of a supernode make 4 rows). */
export const SERVERS_ACROSS = 12;

/** Pixel size of a canvas that shows `servers`, laid out 12 servers across. */
export function canvasSize(servers: readonly ServerOccupancy[]): { width: number; height: number } {
  const perServer = Math.max(1, ...servers.map((s) => s.accelerators));
  const box = serverBox(perServer);
  const across = Math.min(SERVERS_ACROSS, Math.max(1, servers.length));
  const down = Math.ceil(servers.length / SERVERS_ACROSS) || 1;
  return { width: across * (box.width + SERVER_GAP) - SERVER_GAP, height: down * (box.height + SERVER_GAP) - SERVER_GAP };
}

function serverBox(accelerators: number) {
  const rows = Math.ceil(accelerators / CELLS_ACROSS);
  return { width: CELLS_ACROSS * (CELL + GAP) - GAP, height: rows * (CELL + GAP) - GAP };
}

/**
 * Draws servers as boxes of accelerator cells: a holder's colour when held (grey for other projects,
 * with a centre dot), light when free, black with a white cross when faulty; a draining server gets
 * an orange outline and diagonal hatching. One canvas per supernode keeps 38,400 cells to a few
 * thousand fillRect calls per supernode redraw, with no DOM node per accelerator.
 */
export function drawServers(canvas: HTMLCanvasElement, servers: readonly ServerOccupancy[]): void {
  const { width, height } = canvasSize(servers);
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const perServer = Math.max(1, ...servers.map((s) => s.accelerators));
  const box = serverBox(perServer);
  const owner = new Int32Array(64);
  servers.forEach((s, i) => {
    const x0 = (i % SERVERS_ACROSS) * (box.width + SERVER_GAP);
    const y0 = Math.floor(i / SERVERS_ACROSS) * (box.height + SERVER_GAP);
    owner.fill(-1, 0, s.accelerators);
    for (const [h, mask] of s.held) for (let a = 0, m = mask >>> 0; m !== 0; a++, m >>>= 1) if (m & 1) owner[a] = h;
    for (let a = 0; a < s.accelerators; a++) {
      const x = x0 + (a % CELLS_ACROSS) * (CELL + GAP);
      const y = y0 + Math.floor(a / CELLS_ACROSS) * (CELL + GAP);
      const h = owner[a]!;
      const faulty = ((s.faultyMask >>> a) & 1) === 1;
      ctx.fillStyle = faulty ? FAULTY_COLOUR : h >= 0 ? holderColour(h) : FREE_COLOUR;
      ctx.fillRect(x, y, CELL, CELL);
      if (faulty) {
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(x + 1, y + 1);
        ctx.lineTo(x + CELL - 1, y + CELL - 1);
        ctx.moveTo(x + CELL - 1, y + 1);
        ctx.lineTo(x + 1, y + CELL - 1);
        ctx.stroke();
      } else if (h === 0) {
        ctx.fillStyle = '#fff';
        ctx.fillRect(x + 2, y + 2, 2, 2);
      }
    }
    if (s.draining) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0 - 1, y0 - 1, box.width + 2, box.height + 2);
      ctx.clip();
      ctx.strokeStyle = DRAIN_COLOUR;
      ctx.lineWidth = 1;
      for (let d = -box.height; d < box.width; d += 4) {
        ctx.moveTo(x0 + d, y0 + box.height);
        ctx.lineTo(x0 + d + box.height, y0);
      }
      ctx.stroke();
      ctx.strokeRect(x0 - 0.5, y0 - 0.5, box.width + 1, box.height + 1);
      ctx.restore();
    }
  });
}
