// The cloud's domain, apart from HTTP: creating, changing and deleting resources with their
// accelerators in one transaction (each kind's effects in kinds/), settling due operations, admission
// of queued work, locks, placement previews, capacity and admin actions (quotas, health marks,
// invariants, faults), and the domain's errors. The routes in api/ translate HTTP to these calls.
export { createResource } from './create-resource.ts';
export { updateResource } from './update-resource.ts';
export { deleteResource } from './delete-resource.ts';
export { getResourceReply, listResources, type ListQuery } from './read-resources.ts';
export { etag } from './if-match.ts';
export { advance, settleOperation } from './settle-operation.ts';
export { acquireLock, readLock, releaseLock } from './stack-locks.ts';
export { previewPlacements } from './preview-placements.ts';
export type { PreviewOutcome, PreviewRequest } from './preview-placements.ts';
export { capacityView, regionsView } from './inventory-view.ts';
export { occupancyView } from './occupancy-view.ts';
export { operationHistory } from './operation-history.ts';
export { createProject, createProjectToken, setFaults, setQuota } from './admin.ts';
export { admissionView, defragment } from './defragment.ts';
export { healthView, markHealth } from './health-marks.ts';
export type { AffectedResource } from './health-marks.ts';
export { checkInvariants } from './check-invariants.ts';
export { bootstrap } from './bootstrap.ts';
export { loadConsoleAssets } from './console-assets.ts';
export { runAdmission, forgetQueuedWork, releaseLeft } from './admission-pass.ts';
export { admissionStateOf, keepAdmissionState, loadAdmissionState, saveDefragmentMode } from './admission-state.ts';
export { planNewCluster, type HoldingPlan } from './cluster-holdings.ts';
export { expandRows, popcount, rowsOfPlacement } from './holding-rows.ts';
export { labelsOf, readDoc, specOf, toRecord } from './resource-doc.ts';
export { changeHoldings, reloadAllocator, reloadControlPlane, syncControlPlane, writeTransaction } from './control-plane.ts';
export type { ControlPlane } from './control-plane.ts';
export { newScaleOutStats, type ScaleOutStats } from './scale-out-stats.ts';
export type { Principal } from './principal.ts';
export { apiError, diagnosticsError, notFound, AicloudError, isAicloudError, type ErrorCode } from './errors.ts';
export { parseFaultSpec, pickFault, pathMatches, FaultSpecError, NO_FAULTS, type FaultRule, type FaultSpec } from './faults.ts';
export { parseLabelSelector, matchesLabels } from './label-selector.ts';
export { createSecretBox, type SecretBox } from './secret-box.ts';
export { hashToken, newToken } from './tokens.ts';
export { summarizeServers, summarizeSlices, toReplicaPlacements, type AllocationSummary, type ReplicaPlacement } from './allocation-wire.ts';
export type { WireResource } from './resource-doc.ts';
export { LEASE_OWNER_PREFIX, leaseOfOwner, leaseOwner } from './lease-owner.ts';
export type { LeaseHooks } from './lease-hooks.ts';
export { randomHex } from './random-hex.ts';
