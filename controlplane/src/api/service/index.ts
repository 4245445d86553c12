// What the API decides, apart from HTTP: creating, changing and deleting resources with their
// accelerators in one transaction, settling due operations, locks, previews, capacity and admin
// actions (quotas, health marks, invariants).
export { createResource } from './create-resource.ts';
export { updateResource } from './update-resource.ts';
export { deleteResource } from './delete-resource.ts';
export { getResourceReply, listResources } from './read-resources.ts';
export { advance, settleOperation } from './settle-operation.ts';
export { acquireLock, readLock, releaseLock } from './stack-locks.ts';
export { previewPlacements } from './preview-placements.ts';
export type { PreviewOutcome, PreviewRequest } from './preview-placements.ts';
export { capacityView, regionsView } from './inventory-view.ts';
export { createProject, createProjectToken, setFaults, setQuota } from './admin.ts';
export { healthView, markHealth } from './health-marks.ts';
export type { AffectedResource } from './health-marks.ts';
export { checkInvariants } from './check-invariants.ts';
export { bootstrap } from './bootstrap.ts';
export { changeHoldings, reloadAllocator, reloadControlPlane, syncControlPlane, writeTransaction } from './control-plane.ts';
export type { ControlPlane } from './control-plane.ts';
export type { AllocationSummary, ReplicaPlacement } from './allocation-wire.ts';
export type { WireResource } from './resource-doc.ts';
