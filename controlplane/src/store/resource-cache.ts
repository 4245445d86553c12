import type { ResourceRecord } from './records.ts';

/** How every `resourceKey` starts, so the change feed can pick resource writes out of a change's claims. */
export const RESOURCE_KEY_PREFIX = 'name:';

/** The key a resource is cached under: the claim its writes record in the change feed (`name:kind/project/name`). */
export function resourceKey(kind: string, project: string, name: string): string {
  return `${RESOURCE_KEY_PREFIX}${kind}/${project}/${name}`;
}

/** Entries kept before the oldest are dropped: a read of a resource not kept costs one query, nothing more. */
const DEFAULT_LIMIT = 20_000;

/**
 * Resources an instance has read, kept as the database had them at the instance's feed cursor plus its
 * own commits, so a read by name is served from memory like the allocator's. Every write of a resource
 * claims its key in the change feed, so a catch-up that reads another instance's write drops the key
 * (`drop`), a commit of this instance drops what it wrote, and a full reload drops everything. A read
 * that goes to the database keeps what it found only if nothing was dropped while it was away: the
 * row it read may be older than the drop.
 */
export class ResourceCache {
  private readonly entries = new Map<string, Readonly<ResourceRecord> | null>();
  private drops = 0;
  private readonly limit: number;
  /** Told of each read whether memory answered it (the metrics' hit rate). */
  private readonly onRead?: (fromMemory: boolean) => void;

  constructor(options: { limit?: number; onRead?: (fromMemory: boolean) => void } = {}) {
    this.limit = options.limit ?? DEFAULT_LIMIT;
    this.onRead = options.onRead;
  }

  /** The resource under `key`, from memory or else from `load` (null: there is none, and that is kept too). */
  async read(key: string, load: () => Promise<ResourceRecord | undefined>): Promise<ResourceRecord | undefined> {
    const kept = this.entries.get(key);
    this.onRead?.(kept !== undefined);
    if (kept !== undefined) return kept ?? undefined;
    const dropsBefore = this.drops;
    const found = await load();
    if (this.drops === dropsBefore) {
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
      // Frozen: every reader shares the one object, so none may change it for the others.
      this.entries.set(key, found ? Object.freeze({ ...found }) : null);
    }
    return found;
  }

  /** Forgets these keys (others' writes a catch-up read, or this instance's commit). */
  drop(keys: Iterable<string>): void {
    this.drops++;
    for (const k of keys) this.entries.delete(k);
  }

  /** Forgets everything (a full reload: the feed no longer says what changed). */
  clear(): void {
    this.drops++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
