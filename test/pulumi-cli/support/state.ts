import type { Stack } from '@pulumi/pulumi/automation/index.js';

/** A resource as the stack's state records it. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  initErrors?: string[];
}

/** The stack's resources of aicloud types (not the stack or the providers), by their logical name. */
export async function stateResources(stack: Stack): Promise<Map<string, StateResource>> {
  const deployment = await stack.exportStack();
  const resources = ((deployment.deployment as { resources?: StateResource[] }).resources ?? []).filter((r) => r.type.startsWith('aicloud:'));
  return new Map(resources.map((r) => [r.urn.split('::').pop()!, r]));
}
