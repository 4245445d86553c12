import type { FastifyInstance, FastifyRequest } from 'fastify';
import { syncControlPlane, type ControlPlane } from '../cloud/index.ts';

/**
 * The response header a write returns its feed position in. A client that sends it back with a read,
 * to any instance, reads its own write: that instance catches up first unless its memory already has it.
 */
export const POSITION_HEADER = 'x-aicloud-position';

interface Flights {
  running?: Promise<void>;
  queued?: Promise<void>;
}
const flights = new WeakMap<ControlPlane, Flights>();

/**
 * Brings this instance's memory up to every change committed before the read arrived, sharing one
 * catch-up between the reads that wait together (a read joins the next catch-up to start, never one
 * already running, which may have read the feed before the read's writer committed). A read carrying
 * a position this instance has already seen is served from memory at once.
 */
export async function catchUpForRead(cp: ControlPlane, request: FastifyRequest): Promise<void> {
  if (!cp.sharedFile) return;
  const position = request.headers[POSITION_HEADER];
  if (typeof position === 'string' && cp.store.sees?.(position)) return;
  let f = flights.get(cp);
  if (!f) flights.set(cp, (f = {}));
  const state = f;
  if (state.queued) return state.queued;
  const start = (): Promise<void> => {
    state.running = syncControlPlane(cp).finally(() => (state.running = undefined));
    return state.running;
  };
  if (!state.running) return start();
  state.queued = state.running.then(
    () => ((state.queued = undefined), start()),
    () => ((state.queued = undefined), start()),
  );
  return state.queued;
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
