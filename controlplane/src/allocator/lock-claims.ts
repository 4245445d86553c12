import type { Topology } from './topology.ts';

/**
 * The lock keys of placing on a server (`zone/serverId`): the server itself (what a placement takes
 * accelerators of, so two instances placing on different servers of one supernode do not conflict),
 * its zone (taken shared, so a change that lost races can take it alone) and, for work that counts
 * against a quota, the project's quota of the server's accelerator type when it has one (without a
 * limit there is nothing to overrun, and one key per project would make every placement of a project
 * wait for the others). A gang in one supernode claims each of its servers, so it still conflicts
 * with any change to one of them.
 */
export function claimsOfServer(
  topo: Topology,
  hasQuota: (project: string, acceleratorType: string) => boolean,
): (server: string, project: string | undefined) => string[] {
  return (server, project) => {
    const s = topo.serverIndex.get(server);
    if (s === undefined) return [`server:${server}`];
    const zone = topo.zoneNames[topo.serverZone[s]!]!;
    const claims = [`server:${server}`, `zone:${zone}`];
    const type = topo.typeNames[topo.serverType[s]!]!;
    if (project !== undefined && hasQuota(project, type)) claims.push(`quota:${project}/${type}`);
    return claims;
  };
}
