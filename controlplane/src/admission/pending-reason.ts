import type { AllocationRequest } from '../allocator/index.ts';

/** What a request waits for, in the shape users see: `48 ascend-910c servers in one supernode`. */
export function describeWait(req: AllocationRequest, perServer: number): string {
  const servers = req.unit === 'servers' ? req.count : req.count % perServer === 0 && req.scope !== 'server' ? req.count / perServer : undefined;
  const what = servers !== undefined ? `${servers} ${req.acceleratorType} server${servers === 1 ? '' : 's'}` : `${req.count} ${req.acceleratorType} accelerator${req.count === 1 ? '' : 's'}`;
  const where = req.scope === 'supernode' ? ' in one supernode' : req.scope === 'server' ? ' in one server' : req.zone ? ` in ${req.zone}` : '';
  return `${what}${where}`;
}

const POSITION = '; position ';

/** Where a reason's position number starts and ends, or undefined when it has none. */
function positionDigits(reason: string): { start: number; end: number } | undefined {
  const at = reason.indexOf(POSITION);
  if (at < 0) return undefined;
  const start = at + POSITION.length;
  let end = start;
  while (end < reason.length && reason.charCodeAt(end) >= 48 && reason.charCodeAt(end) <= 57) end++;
  return end > start ? { start, end } : undefined;
}

/**
 * Whether two pending reasons differ at most in their `; position N` part. Positions move with every
 * admission ahead of a request, so this tells whether anything else about the wait changed. Asked of
 * every waiting request in every pass: compares in place, without building strings.
 */
export function sameButPosition(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = positionDigits(a);
  const pb = positionDigits(b);
  if (!pa || !pb || pa.start !== pb.start || !b.startsWith(a.slice(0, pa.start))) return false;
  return a.length - pa.end === b.length - pb.end && a.endsWith(b.slice(pb.end));
}

/** A pending reason with its position replaced: how a read shows a document written before the queue moved. */
export function withPosition(reason: string, position: number): string {
  const p = positionDigits(reason);
  return p ? `${reason.slice(0, p.start)}${position}${reason.slice(p.end)}` : reason;
}

/** The pending reason: `waiting for 48 ascend-910c servers in one supernode; position 3; reserved sn-2 since 12:01`. */
export function pendingReason(wait: string, position: number, reserved?: { supernode: string; since: number }, extra?: string): string {
  let s = `waiting for ${wait}; position ${position}`;
  if (reserved) s += `; reserved ${reserved.supernode} since ${new Date(reserved.since).toISOString().slice(11, 16)}`;
  if (extra) s += `; ${extra}`;
  return s;
}
