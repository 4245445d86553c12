// What the API decides, apart from HTTP: creating, changing and deleting resources with their
// accelerators in one transaction, settling due operations, locks, previews and admin actions.
export { createResource } from './create-resource.ts';
export { updateResource } from './update-resource.ts';
export { deleteResource } from './delete-resource.ts';
export { getResourceReply, listResources } from './read-resources.ts';
export { advance, settleOperation } from './settle-operation.ts';
export { acquireLock, readLock, releaseLock } from './stack-locks.ts';
export { previewPlacements } from './preview-placements.ts';
export { checkInvariants, createProject, createProjectToken, markHealth, setFaults, setQuota } from './admin.ts';
export { bootstrap } from './bootstrap.ts';
export { createAllocatorPort } from './allocator-adapter.ts';
export { reloadControlPlane, syncControlPlane, writeTransaction } from './control-plane.ts';
export type { ControlPlane } from './control-plane.ts';
export type { AllocatorPort, AllocationSummary, Grant, Refusal, ReplicaPlacement } from './allocator-port.ts';
export type { WireResource } from './resource-doc.ts';
