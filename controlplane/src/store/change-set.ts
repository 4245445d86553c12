import type { HoldingRecord } from './records.ts';

/**
 * Caches an instance keeps beside the allocator, named in the change feed so a catch-up refreshes
 * only the ones another writer touched.
 */
export type ChangeScope = 'quotas' | 'health' | 'projects' | 'operations' | 'admission' | 'tokens' | 'leases';

/**
 * What other writers committed since the last look: either `full` (the feed no longer reaches back
 * that far, or the store cannot tell), or the servers (`zone/serverId`) whose holdings changed and
 * the scopes whose caches are stale.
 */
export interface ChangeSet {
  full: boolean;
  servers: string[];
  scopes: ChangeScope[];
  /**
   * Where the store read them in the same round trip as the feed: every holding row of the owners
   * holding anything on `servers` and of the endpoints inside them, read after the feed (see
   * `holdingsAround`), so a catch-up whose memory names no other owner there needs no query.
   */
  rows?: HoldingRecord[];
}

/** What one write transaction touched, recorded as it writes and committed with it. */
export class Touched {
  readonly servers = new Set<string>();
  readonly scopes = new Set<ChangeScope>();
  /**
   * Keys of what the change was decided on and must not have changed unseen: servers and zones it
   * placed in, quotas it used, owners whose holdings it changed, settings it wrote.
   */
  readonly claims = new Set<string>();

  get empty(): boolean {
    return this.servers.size === 0 && this.scopes.size === 0;
  }
}

/**
 * Lock keys of placing on a server for a project: the control plane names the server, its zone and
 * the quota (keys starting `zone:` are zones).
 */
export type ClaimsOfServer = (server: string, project: string | undefined) => string[];
