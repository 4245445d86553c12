import { matchesLabels, parseLabelSelector, previewPlacements, type ControlPlane } from '../../../controlplane/src/cloud/index.ts';
import type { StackCloud } from '../apply/index.ts';
import type { PlacementRequest, PlacementResult } from '../client/index.ts';
import { AicloudError, type CloudResource, type Kind } from '../../../core/index.ts';
import type { WhatIfWorld } from './what-if-world.ts';

/**
 * A read-only cloud over a what-if world: the stack is read from the snapshot's resources and the
 * placement preview is the control plane's own, run in process on the degraded allocator. Anything
 * that would change the cloud throws, so a what-if plan can never touch a live cloud.
 */
export function whatIfCloud(world: WhatIfWorld): StackCloud & { project: string; region: undefined } {
  const resources = world.snapshot.resources as CloudResource[];
  const records = new Map(resources.map((r) => [`${r.kind}/${r.name}`, { id: r.id, kind: r.kind, name: r.name, project: r.project, doc: JSON.stringify(r) }]));
  // The preview reads only the allocator and resources by name.
  const cp = {
    allocator: world.allocator,
    store: { getResource: async (_p: string, kind: string, name: string) => records.get(`${kind}/${name}`) },
  } as unknown as ControlPlane;
  const refuse = async (): Promise<never> => {
    throw new AicloudError('INVALID_VALUE', 'a what-if plan cannot change the cloud', { hint: 'apply a plan made without --what-if' });
  };
  return {
    project: world.snapshot.project,
    region: undefined,
    list: async (kind: Kind, options: { labelSelector?: string } = {}) => {
      const terms = options.labelSelector ? parseLabelSelector(options.labelSelector) : [];
      if (!Array.isArray(terms)) throw new AicloudError('INVALID_VALUE', `bad label selector term ${terms.badTerm}`);
      return resources.filter((r) => r.kind === kind && matchesLabels(r.spec.labels as Record<string, string> | undefined, terms));
    },
    get: async (kind: Kind, name: string) => resources.find((r) => r.kind === kind && r.name === name),
    previewPlacements: async (requests: PlacementRequest[]) =>
      (await previewPlacements(cp, world.snapshot.project, { requests })).results as unknown as PlacementResult[],
    create: refuse,
    update: refuse,
    delete: refuse,
    lock: async (stack: string, holder: string) => ({ stack, holder, since: new Date(world.snapshot.takenAt).toISOString(), expiresAt: null }),
    unlock: async () => {},
  };
}
