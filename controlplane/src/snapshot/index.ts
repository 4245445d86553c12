// Occupancy snapshots: the cloud's holdings, health marks, queues and leases in one document, for what-if plans.
export { takeSnapshot, parseExpectedDuration, EXPECTED_DURATION_LABEL } from './take-snapshot.ts';
export type { OccupancySnapshot, SnapshotOwner, SnapshotPending } from './snapshot-types.ts';
