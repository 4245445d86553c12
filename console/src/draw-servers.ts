import { boxOf, canvasSize, CELL, cellOffset, serverOrigin } from './cell-layout.ts';
import { DRAIN_RGB, FAULTY_RGB, FREE_RGB, holderRgb } from './holder-colours.ts';
import type { ServerOccupancy } from './occupancy-types.ts';

/** RGBA packed for a Uint32Array view of ImageData (little-endian: 0xAABBGGRR). */
const pack = ([r, g, b]: [number, number, number]) => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
const WHITE = pack([255, 255, 255]);
const FREE = pack(FREE_RGB);
const FAULTY = pack(FAULTY_RGB);
const DRAIN = pack(DRAIN_RGB);
const holderPixels: number[] = [];
const holderPixel = (h: number) => (holderPixels[h] ??= pack(holderRgb(h)));

/**
 * Draws servers as boxes of accelerator cells: a holder's colour when held (grey with a centre dot
 * for other projects), hollow in that colour when a lease holds it, light when free, black with a
 * white cross when faulty; a draining server
 * gets an orange border and diagonal hatching. Pixels are written into one ImageData per canvas and
 * put once, so 100 supernodes (38,400 cells) cost a few milliseconds, not 38,400 canvas calls.
 */
export function drawServers(canvas: HTMLCanvasElement, servers: readonly ServerOccupancy[]): void {
  const started = performance.now();
  try {
    paint(canvas, servers);
  } finally {
    drawStats.ms += performance.now() - started;
  }
}

/** Time spent drawing since the page loaded; the map's timings (and the benchmark) report it. */
export const drawStats = { ms: 0 };

function paint(canvas: HTMLCanvasElement, servers: readonly ServerOccupancy[]): void {
  const { width, height } = canvasSize(servers);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(width, height);
  const px = new Uint32Array(image.data.buffer);
  const box = boxOf(servers);
  const owner = new Int32Array(64);
  const rect = (x: number, y: number, w: number, h: number, colour: number) => {
    for (let row = y, i = y * width + x; row < y + h; row++, i += width) for (let k = 0; k < w; k++) px[i + k] = colour;
  };
  servers.forEach((s, i) => {
    const { x: x0, y: y0 } = serverOrigin(box, i);
    owner.fill(-1, 0, s.accelerators);
    for (const [h, mask] of s.held) for (let a = 0, m = mask >>> 0; m !== 0; a++, m >>>= 1) if (m & 1) owner[a] = h;
    for (let a = 0; a < s.accelerators; a++) {
      const cell = cellOffset(a);
      const x = x0 + cell.x;
      const y = y0 + cell.y;
      const h = owner[a]!;
      if (((s.faultyMask >>> a) & 1) === 1) {
        rect(x, y, CELL, CELL, FAULTY);
        for (let d = 1; d < CELL - 1; d++) {
          px[(y + d) * width + x + d] = WHITE;
          px[(y + d) * width + x + CELL - 1 - d] = WHITE;
        }
      } else {
        rect(x, y, CELL, CELL, h >= 0 ? holderPixel(h) : FREE);
        // Leased: hollow (a free-coloured centre inside the holder's colour), so it reads without colour.
        if (((s.leasedMask ?? 0) >>> a) & 1) rect(x + 1, y + 1, CELL - 2, CELL - 2, FREE);
        else if (h === 0) rect(x + 2, y + 2, 2, 2, WHITE);
      }
    }
    if (s.draining) {
      // Hatching over the server, and a border in the gap around it.
      for (let y = Math.max(0, y0 - 1); y < Math.min(height, y0 + box.height + 1); y++) {
        for (let x = Math.max(0, x0 - 1); x < Math.min(width, x0 + box.width + 1); x++) {
          const edge = y === y0 - 1 || y === y0 + box.height || x === x0 - 1 || x === x0 + box.width;
          if (edge || (x + y) % 4 === 0) px[y * width + x] = DRAIN;
        }
      }
    }
  });
  ctx.putImageData(image, 0, 0);
}
