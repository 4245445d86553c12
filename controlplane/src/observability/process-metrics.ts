import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * The process's own series (CPU, memory, event-loop delay, GC, handles), in one registry per process:
 * they describe the process, not an instance, and the collectors they start (an event-loop delay
 * monitor, a GC observer) must not be started again for every control plane a process opens. Made at
 * the first scrape, so the embedded cloud, which is never scraped, starts no collector.
 */
export function processRegistry(): Registry {
  if (!shared) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
