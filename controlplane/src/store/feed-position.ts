/**
 * A feed position: a committed transaction id (PostgreSQL `xid8`, as text). An instance has caught up
 * to it when its cursor, a snapshot `xmin:xmax:xip,...`, sees that transaction. Positions need no
 * order between instances, only visibility, so commits that finish out of order cannot be skipped.
 */
export function snapshotSees(snapshot: string, position: string): boolean {
  const [xmin, xmax, xip] = snapshot.split(':');
  let xid: bigint;
  try {
    xid = BigInt(position);
  } catch {
    return true; // not a position this store wrote: nothing to wait for
  }
  if (xid < BigInt(xmin!)) return true;
  if (xid >= BigInt(xmax!)) return false;
  return !(xip ?? '')
    .split(',')
    .filter(Boolean)
    .some((x) => BigInt(x) === xid);
}

/** The oldest transaction a snapshot could still see commit (`pg_snapshot_xmin`). */
export function snapshotXmin(snapshot: string): bigint {
  return BigInt(snapshot.split(':')[0]!);
}
