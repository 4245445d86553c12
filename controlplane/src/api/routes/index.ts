// Fastify plugins, one per route group: resource collections, operations, locks, placement
// previews, inventory, health and admin.
export { resourceRoutes } from './resources.ts';
export { operationRoutes } from './operations.ts';
export { lockRoutes } from './locks.ts';
export { placementRoutes } from './placements.ts';
export { leaseRoutes } from './leases.ts';
export { snapshotRoutes } from './snapshot.ts';
export { inventoryRoutes } from './inventory.ts';
export { healthRoutes } from './health.ts';
export { adminRoutes } from './admin.ts';
