import { loadAdmissionState } from '../admission-state.ts';
import { queueOutputs } from '../queue-outputs.ts';
import type { KindEffects } from './kind-effects.ts';

/** A queue's outputs are read from the admission state; a new or changed queue may admit waiting work. */
export const queueEffects: KindEffects = {
  async create(cp, project, _kind, _id, spec) {
    return { allocation: null, outputs: queueOutputs(await loadAdmissionState(cp.store), cp.allocator.topology, project, spec) };
  },
  async update(cp, before, spec) {
    return { allocation: null, outputs: queueOutputs(await loadAdmissionState(cp.store), cp.allocator.topology, before.project, spec) };
  },
  wakesAdmission: { create: true, update: true },
};
