import { hourlyCost, type Kind } from '../../../../core/index.ts';
import type { KindEffects } from './kind-effects.ts';

/** Volumes, file systems and buckets hold no accelerators: their effects are their outputs. */
export const storageEffects: KindEffects = {
  async create(_cp, project, kind, _id, spec) {
    return { allocation: null, outputs: storageOutputs(project, kind, spec) };
  },
  async update(_cp, before, spec) {
    return { allocation: null, outputs: storageOutputs(before.project, before.kind as Kind, spec) };
  },
};

function storageOutputs(project: string, kind: Kind, spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { hourlyCost: hourlyCost(kind, spec) };
  if (kind === 'FileSystem') out.mountTarget = `${String(spec.protocol)}://${String(spec.name)}.${project}.${String(spec.zone)}.fs.aicloud.local/`;
  if (kind === 'Bucket') out.url = `https://${String(spec.name)}.oss.${String(spec.region)}.aicloud.local`;
  return out;
}
