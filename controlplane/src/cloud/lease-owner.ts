// The allocator owners that lease holdings go by. They live with the cloud so that the occupancy view
// can tell lease holdings apart from resources without depending on leases.

/** Allocator owners of lease holdings start with this; nothing else does. */
export const LEASE_OWNER_PREFIX = 'lease:';

/** The owner that holds a lease's n-th holding. */
export function leaseOwner(leaseId: string, n: number): string {
  return `${LEASE_OWNER_PREFIX}${leaseId}/${n}`;
}

/** The lease id of a lease holding's owner, or undefined for any other owner. */
export function leaseOfOwner(owner: string): string | undefined {
  if (!owner.startsWith(LEASE_OWNER_PREFIX)) return undefined;
  return owner.slice(LEASE_OWNER_PREFIX.length, owner.lastIndexOf('/'));
}
