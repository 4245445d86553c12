/**
 * Stable string ids. They end up in persisted rows and in users' outputs, so their format is a contract:
 * a server id is unique within its zone, an accelerator id is `zone/serverId/index`.
 */

/** `sn-1/s07`: zero-padded so ids sort in the order servers sit in the supernode. */
export function supernodeServerId(supernode: string, index: number, serversInSupernode: number): string {
  return `${supernode}/s${pad(index + 1, serversInSupernode)}`;
}

/** `b910-12` for the twelfth standalone server of a pool named `b910`. */
export function standaloneServerId(prefix: string, index: number, poolSize: number): string {
  return `${prefix}-${pad(index + 1, poolSize)}`;
}

/** `cn-southwest-2a/sn-1/s07/3`: accelerator indices start at 0. */
export function acceleratorId(zone: string, serverId: string, index: number): string {
  return `${zone}/${serverId}/${index}`;
}

/** Splits an accelerator id; undefined when it is not one. */
export function parseAcceleratorId(id: string): { zone: string; serverId: string; index: number } | undefined {
  const first = id.indexOf('/');
  const last = id.lastIndexOf('/');
  if (first <= 0 || last <= first) return undefined;
  const indexText = id.slice(last + 1);
  if (!/^\d+$/.test(indexText)) return undefined;
  return { zone: id.slice(0, first), serverId: id.slice(first + 1, last), index: Number(indexText) };
}

function pad(n: number, max: number): string {
  return String(n).padStart(Math.max(2, String(max).length), '0');
}
