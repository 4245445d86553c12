import type { WaitCause } from './pending-reason.ts';

/** What a pass would do with a new request right now: start it, or let it wait and why. */
export type QueueVerdict = { queues: false; preempts: string[] } | { queues: true; cause: WaitCause; position: number; reason: string };
