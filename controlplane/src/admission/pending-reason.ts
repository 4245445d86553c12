import type { AllocationRequest, Decision } from '../allocator/index.ts';

/** What a request waits for, in the shape users see: `48 ascend-910c servers in one supernode`. */
export function describeWait(req: AllocationRequest, perServer: number): string {
  const servers = req.unit === 'servers' ? req.count : req.count % perServer === 0 && req.scope !== 'server' ? req.count / perServer : undefined;
  const what =
    servers !== undefined
      ? `${servers} ${req.acceleratorType} server${servers === 1 ? '' : 's'}`
      : `${req.count} ${req.acceleratorType} accelerator${req.count === 1 ? '' : 's'}`;
  const where = req.scope === 'supernode' ? ' in one supernode' : req.scope === 'server' ? ' in one server' : req.zone ? ` in ${req.zone}` : '';
  return `${what}${where}`;
}

/**
 * What a request accepting several types waits for: `2 nvidia-h200 or ascend-910c servers in
 * cn-southwest-2b` when the types' gangs read alike, else each gang's text joined with `or`.
 */
export function describeWaitAny(reqs: readonly AllocationRequest[], perServer: (type: string) => number): string {
  const texts = reqs.map((r) => describeWait(r, perServer(r.acceleratorType)));
  const shape = (i: number) => texts[i]!.replace(reqs[i]!.acceleratorType, '\0');
  if (texts.every((_, i) => shape(i) === shape(0))) return shape(0).replace('\0', reqs.map((r) => r.acceleratorType).join(' or '));
  return texts.join(' or ');
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

/**
 * The constraint that binds a waiting request: its queue's quota (or its cohort's), capacity (nothing
 * large enough is free, or its own fence is not clear yet), other gangs' fences (it would fit in a
 * supernode reserved for a gang ahead), or the head of the line (backfill is off behind a reservation).
 */
export type WaitCause = { kind: 'quota'; why: string } | { kind: 'capacity' } | { kind: 'fence'; supernodes: string[] } | { kind: 'behind-head' };

/**
 * The suffix a cause adds to the reason. Capacity adds none: `waiting for 8 ascend-910c servers in one
 * supernode` already says what is missing.
 */
export function causeText(cause: WaitCause): string | undefined {
  switch (cause.kind) {
    case 'quota':
      return cause.why;
    case 'capacity':
      return undefined;
    case 'fence':
      return `fits only in ${cause.supernodes.join(', ')}, reserved for a gang ahead`;
    case 'behind-head':
      return 'behind a reserved gang (backfill off)';
  }
}

/**
 * What holds back a request accepting several types, type by type in its order: its first type's
 * cause (`no room` for capacity, which adds no text of its own), then each further type's, e.g.
 * `nvidia-h200: queue q uses 16 of 16 nvidia-h200 (nominal 16); asked 16; ascend-910c: no room`.
 */
export function anyTypeCauses(firstType: string, firstCause: string | undefined, others: readonly string[]): string {
  return [`${firstType}: ${firstCause ?? 'no room'}`, ...others].join('; ');
}

/**
 * Why a request that did not fit outside the fences waits: `fence` when it would fit were the fences
 * not there (naming the fenced supernodes it would take), else `capacity`. `place` must not commit.
 */
export function fencedOut(
  req: AllocationRequest,
  fences: readonly string[],
  place: (req: AllocationRequest, limits: { only?: string[]; exclude?: string[] }) => Decision | undefined,
): WaitCause {
  if (fences.length === 0) return { kind: 'capacity' };
  const d = place(req, {});
  if (!d?.ok) return { kind: 'capacity' };
  const inFence = d.supernodes.filter((sn) => fences.includes(sn));
  return inFence.length ? { kind: 'fence', supernodes: inFence } : { kind: 'capacity' };
}
