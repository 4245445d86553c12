import type { AllocationRequest } from '../allocator/types.ts';

/** What a request waits for, in the shape users see: `48 ascend-910c servers in one supernode`. */
export function describeWait(req: AllocationRequest, perServer: number): string {
  const servers = req.unit === 'servers' ? req.count : req.count % perServer === 0 && req.scope !== 'server' ? req.count / perServer : undefined;
  const what = servers !== undefined ? `${servers} ${req.acceleratorType} server${servers === 1 ? '' : 's'}` : `${req.count} ${req.acceleratorType} accelerator${req.count === 1 ? '' : 's'}`;
  const where = req.scope === 'supernode' ? ' in one supernode' : req.scope === 'server' ? ' in one server' : req.zone ? ` in ${req.zone}` : '';
  return `${what}${where}`;
}

/** The pending reason: `waiting for 48 ascend-910c servers in one supernode; position 3; reserved sn-2 since 12:01`. */
export function pendingReason(wait: string, position: number, reserved?: { supernode: string; since: number }, extra?: string): string {
  let s = `waiting for ${wait}; position ${position}`;
  if (reserved) s += `; reserved ${reserved.supernode} since ${new Date(reserved.since).toISOString().slice(11, 16)}`;
  if (extra) s += `; ${extra}`;
  return s;
}
