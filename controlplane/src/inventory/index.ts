// The topology the control plane allocates from: region > zone > supernode (optional) > server >
// accelerator, its stable ids, the embedded default, and inventory files that replace it.
export type { AcceleratorTypeSpec, Inventory, Region, Server, Supernode, SupernodeShape, Zone } from './types.ts';
export type { InventorySpec, RegionSpec, ServerPoolSpec, ShapeSpec, SupernodePoolSpec, ZoneSpec } from './inventory-spec.ts';
export { buildInventory, MAX_ACCELERATORS_PER_SERVER } from './build-inventory.ts';
export { defaultInventory, DEFAULT_INVENTORY_SPEC } from './default-inventory.ts';
export { loadInventoryFile, parseInventory } from './parse-inventory.ts';
export { acceleratorId, parseAcceleratorId, standaloneServerId, supernodeServerId } from './inventory-ids.ts';
