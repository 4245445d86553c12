import type { AllocationRequest } from '../allocator/types.ts';

/** What a request waits for, in the shape users see: `48 ascend-910c servers in one supernode`. */
export function describeWait(req: AllocationRequest, perServer: number): string {
  const servers = req.unit === 'servers' ? req.count : req.count % perServer === 0 && req.scope !== 'server' ? req.count / perServer : undefined;
  const what = servers !== undefined ? `${servers} ${req.acceleratorType} server${servers === 1 ? '' : 's'}` : `${req.count} ${req.acceleratorType} accelerator${req.count === 1 ? '' : 's'}`;
  const where = req.scope === 'supernode' ? ' in one supernode' : req.scope === 'server' ? ' in one server' : req.zone ? ` in ${req.zone}` : '';
  return `${what}${where}`;
}

const POSITION = '; position ';

/**
 * Whether two pending reasons differ at most in their `; position N` part. Positions move with every
 * admission ahead of a request, so this tells whether anything else about the wait changed. Asked of
 * every waiting request in every pass: compares in place, without building strings.
 */
export function sameButPosition(a: string, b: string): boolean {
  if (a === b) return true;
  const i = a.indexOf(POSITION);
  if (i < 0 || i !== b.indexOf(POSITION) || !b.startsWith(a.slice(0, i))) return false;
  let ea = i + POSITION.length;
  let eb = ea;
  while (ea < a.length && a.charCodeAt(ea) >= 48 && a.charCodeAt(ea) <= 57) ea++;
  while (eb < b.length && b.charCodeAt(eb) >= 48 && b.charCodeAt(eb) <= 57) eb++;
  return a.length - ea === b.length - eb && a.endsWith(b.slice(eb));
}

/** A pending reason with its position replaced: how a read shows a document written before the queue moved. */
export function withPosition(reason: string, position: number): string {
  return reason.replace(/; position \d+/, `; position ${position}`);
}

/** The pending reason: `waiting for 48 ascend-910c servers in one supernode; position 3; reserved sn-2 since 12:01`. */
export function pendingReason(wait: string, position: number, reserved?: { supernode: string; since: number }, extra?: string): string {
  let s = `waiting for ${wait}; position ${position}`;
  if (reserved) s += `; reserved ${reserved.supernode} since ${new Date(reserved.since).toISOString().slice(11, 16)}`;
  if (extra) s += `; ${extra}`;
  return s;
}
