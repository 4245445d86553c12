import type { FastifyInstance, FastifyRequest } from 'fastify';
import { syncControlPlane, type ControlPlane } from '../cloud/index.ts';

/**
 * The response header a write returns its feed position in. A client that sends it back with a read,
 * to any instance, reads its own write: that instance catches up first unless its memory already has it.
 */
export const POSITION_HEADER = 'x-aicloud-position';

interface Flights {
  running?: Promise<void>;
  /** The catch-up reads join: it starts once `running` is done, after the reads already read off the sockets joined. */
  next?: Promise<void>;
}
const flights = new WeakMap<ControlPlane, Flights>();

function flightsOf(cp: ControlPlane): Flights {
  let f = flights.get(cp);
  if (!f) flights.set(cp, (f = {}));
  return f;
}

/**
 * Brings this instance's memory up to every change committed before the read arrived, sharing one
 * catch-up between the reads that wait together. A read joins the next catch-up to start, never one
 * already running, which may have read the feed before the read's writer committed. The next one
 * starts in the event loop's check phase (`setImmediate`), so every request parsed in the same turn
 * joins it: each catch-up is a round trip to the database, and a read served from memory costs less
 * than its share of one. A read carrying a position this instance has already seen is served from
 * memory at once.
 */
export async function catchUpForRead(cp: ControlPlane, request: FastifyRequest): Promise<void> {
  if (!cp.sharedFile) return;
  const position = request.headers[POSITION_HEADER];
  if (typeof position === 'string' && cp.store.sees?.(position)) return;
  const f = flightsOf(cp);
  if (f.next) return f.next;
  const before = f.running ?? Promise.resolve();
  f.next = new Promise<void>((resolve, reject) => {
    const start = () => {
      f.next = undefined;
      f.running = syncControlPlane(cp).finally(() => (f.running = undefined));
      f.running.then(resolve, reject);
    };
    const later = () => setImmediate(start);
    void before.then(later, later);
  });
  return f.next;
}

/** Puts the feed position of a write this request made (or one after it) on its response. */
export function returnPositions(app: FastifyInstance, cp: ControlPlane): void {
  if (!cp.store.lastPosition) return;
  const before = new WeakMap<FastifyRequest, string | undefined>();
  app.addHook('onRequest', async (request) => {
    before.set(request, cp.store.lastPosition!());
  });
  app.addHook('onSend', async (request, reply) => {
    const now = cp.store.lastPosition!();
    // Writes of one instance commit one at a time, so a later position implies this request's.
    if (now !== undefined && now !== before.get(request)) reply.header(POSITION_HEADER, now);
  });
}
