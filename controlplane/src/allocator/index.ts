// The accelerator allocator: an in-memory index over the inventory that decides where clusters and
// endpoint replicas go (pure decisions) and records holdings (explicit mutations), with quotas, health,
// previews, invariants and the placement policies the benchmark compares.
export { Allocator, type AllocatorOptions } from './allocator.ts';
export type {
  AllocationRequest,
  AnyTypeRequest,
  CapacityFilter,
  CapacityReport,
  Decision,
  FreeBlock,
  HealthReport,
  Holding,
  HoldingRow,
  InvariantReport,
  PlacedReplica,
  PlacedServer,
  PlacedSlice,
  Placement,
  PlacementRequest,
  PreviewItem,
  PreviewResult,
  Refusal,
  ReplicaRequest,
  Scope,
  TypeOrder,
  ServerCapacity,
  SupernodeCapacity,
  Unit,
  ZoneCapacity,
} from './types.ts';
export type { Policy, PolicyName } from './policy.ts';
export { createPolicy, DEFAULT_POLICY, isPolicyName, OPT_IN_POLICY_NAMES, POLICY_NAMES } from './policies/index.ts';
export { Topology } from './topology.ts';
export type { ServerFree } from './server-free.ts';
export { isAnyTypeRequest } from './place-any-type.ts';
export type { BlockLimits } from './restrict-blocks.ts';
export { seededRandom } from './seeded-random.ts';
export { askOf, serverSize } from './server-size.ts';
export { claimsOfServer } from './lock-claims.ts';
export { testInventory } from './testing.ts';
