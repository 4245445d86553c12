import type { EngineEvent, OpType, PropertyDiff } from '@pulumi/pulumi/automation/index.js';

/** One step the engine announced (a resource pre-event), with the resource's logical name. */
export interface StepSeen {
  name: string;
  type: string;
  op: OpType;
  new?: { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  detailedDiff?: Record<string, PropertyDiff>;
}

/** The steps of a command in the order the engine started them, for the aicloud resources only. */
export function stepsOf(events: EngineEvent[]): StepSeen[] {
  return events
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m): m is NonNullable<typeof m> => !!m && m.type.startsWith('aicloud:'))
    .map((m) => ({ name: m.urn.split('::').pop()!, type: m.type, op: m.op, new: m.new, detailedDiff: m.detailedDiff }));
}

/** Resolves when the engine starts the given step, so a test can act while the command runs. */
export function whenStepStarts(name: string, op: OpType): { onEvent(e: EngineEvent): void; started: Promise<void> } {
  let resolve!: () => void;
  const started = new Promise<void>((r) => (resolve = r));
  return {
    started,
    onEvent(e) {
      const m = e.resourcePreEvent?.metadata;
      if (m && m.op === op && m.urn.endsWith(`::${name}`)) resolve();
    },
  };
}
