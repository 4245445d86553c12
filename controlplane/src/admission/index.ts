// The admission engine: queues with cohort quotas, all-or-nothing gang admission in order, reservations
// with conservative backfill, preemption of lower-priority preemptible work, and defragmentation moves.
// Pure over the allocator's public API; all state is plain JSON so the control plane can persist it.
export { admit, admitOnView, admitPass, forgetWork, gangsOnly } from './admit.ts';
export { AdmissionView } from './admission-view.ts';
export { partitionShare } from './admit-partitions.ts';
export { askOf } from '../allocator/index.ts';
export { finishMoves, releaseWork } from './finish-moves.ts';
export { orderPending } from './order-pending.ts';
export { causeText, describeWait, pendingReason, sameButPosition, withPosition, type WaitCause } from './pending-reason.ts';
export { requeueOf } from './requeue.ts';
export { wouldQueue, type QueueVerdict } from './would-queue.ts';
export { partitionLanesAhead } from './would-queue-partition.ts';
export { partitionLane } from './partition-types.ts';
export { QuotaLedger } from './quota-ledger.ts';
export { moveHoldingOwner } from './types.ts';
export type { AdmissionDecision, AdmissionState, AdmitOptions, MoveInFlight, PendingRequest, QueueSpec, Reservation, RunningWork, TypeQuota } from './types.ts';
