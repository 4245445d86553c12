import type pg from 'pg';
import type { ChangeScope, ChangeSet, Touched } from './change-set.ts';
import { snapshotSees, snapshotXmin } from './feed-position.ts';
import type { HoldingRecord } from './records.ts';
import { readHoldingRow, type StoredHolding } from './read-holding-row.ts';
import { RESOURCE_KEY_PREFIX } from './resource-cache.ts';

/**
 * The change feed of several instances on one database. Each write transaction adds one row to
 * `changes` (the servers and scopes it touched) before it commits, tagged with its transaction id.
 * An instance's cursor is the snapshot it last read the feed at; the next read returns the rows that
 * snapshot did not see. Transactions commit in any order, so a sequence number would skip one that
 * committed late; visibility in a snapshot cannot (a transaction still running at the cursor is in
 * its `xip` list and is read once it commits).
 */
export interface ChangeFeed {
  /**
   * Adds this transaction's row on its client and returns its position (the transaction id), unless
   * another instance committed a change with one of `decidedOn` that this instance's memory does not
   * have yet: then nothing is added and it returns undefined. Run after the claims are locked, so
   * nothing can still commit one unseen.
   */
  record(client: pg.PoolClient, touched: Touched, decidedOn: readonly string[]): Promise<string | undefined>;
  /** What others committed since the last call (full when the feed was pruned past the cursor). */
  since(): Promise<ChangeSet | undefined>;
  /**
   * The statement `since` runs, with the cursor written in (no parameters), for a caller that sends it
   * in a round trip it makes anyway (a write transaction's BEGIN); undefined when the cursor is not a
   * snapshot as PostgreSQL prints it. Its rows go to `take`.
   */
  sinceStatement(): { text: string; from: string } | undefined;
  /**
   * A second statement for the same round trip: the holdings of the owners on the servers that the
   * rows `sinceStatement` reads name (other instances' rows only), as `holdingsAround` reads them.
   */
  holdingsStatement(): string | undefined;
  /**
   * What others committed, from rows `sinceStatement` read, like `since`; `moved` when the cursor
   * moved since (another read of the feed came between), so the caller reads again with `since`.
   */
  take(read: { rows: FeedRow[]; from: string; holdings?: HoldingRecord[] }): ChangeSet | undefined | 'moved';
  /** Whether this instance's cursor already sees a position, so a read carrying it need not catch up. */
  sees(position: string): boolean;
  /** A transaction that recorded a row rolled back: its position will never be seen. */
  forget(position: string): void;
  /** Drops rows older than `retentionMs`; an instance whose cursor is older reloads in full. */
  prune(retentionMs: number): Promise<void>;
}

/**
 * Starts a feed reader whose cursor is now: the caller loads its caches after this. `onBehind` hears
 * how many of other instances' writes each read found; `onResources` hears, as the cursor moves past
 * them, the resources those writes changed (their `name:` claims), or `all` when the feed no longer
 * reaches back to the cursor.
 */
export async function openChangeFeed(pool: pg.Pool, onBehind?: (writes: number) => void, onResources?: (keys: string[] | 'all') => void): Promise<ChangeFeed> {
  let cursor = (await pool.query<{ snap: string }>('SELECT pg_current_snapshot()::text AS snap')).rows[0]!.snap;
  // This instance's own commits: its memory has them already, so the feed's rows for them are skipped.
  const mine = new Set<string>();
  // Rows of the feed read from the cursor `before`, in one statement, so the snapshot returned is the
  // one the rows were read at: moves the cursor there and says what others changed.
  const apply = (rows: FeedRow[], before: string): ChangeSet | undefined => {
    const first = rows[0]!;
    onBehind?.(rows.filter((r) => r.txid && !mine.has(r.txid)).length);
    cursor = first.snap;
    if (BigInt(first.horizon) >= snapshotXmin(before)) {
      for (const r of rows) if (r.txid) mine.delete(r.txid);
      onResources?.('all');
      return { full: true, servers: [], scopes: [] };
    }
    const servers = new Set<string>();
    const scopes = new Set<ChangeScope>();
    const resources: string[] = [];
    let others = false;
    for (const r of rows) {
      if (!r.txid || mine.delete(r.txid)) continue;
      if (r.names?.length) resources.push(...r.names);
      // A row with claims only (a name, an idempotency key) changed nothing this instance caches.
      if (r.servers?.length || r.scopes?.length) others = true;
      for (const s of r.servers ?? []) servers.add(s);
      for (const s of r.scopes ?? []) scopes.add(s as ChangeScope);
    }
    // Dropped before the cursor's move is visible to any read: a read carrying a position it now sees
    // must not find the resource as it was before that write.
    if (resources.length) onResources?.(resources);
    return others ? { full: false, servers: [...servers], scopes: [...scopes] } : undefined;
  };
  return {
    async record(client, touched, decidedOn) {
      const res = await client.query<{ txid: string }>({
        name: 'recordChange',
        text: `INSERT INTO changes (servers, scopes, claims)
               SELECT $1, $2, $3 WHERE cardinality($4::text[]) = 0 OR NOT EXISTS (
                 SELECT 1 FROM changes WHERE txid >= pg_snapshot_xmin($5::pg_snapshot) AND NOT pg_visible_in_snapshot(txid, $5::pg_snapshot)
                 AND claims && $4::text[] AND NOT (txid = ANY($6::xid8[])))
               RETURNING txid::text AS txid`,
        values: [[...touched.servers], [...touched.scopes], [...touched.claims], [...decidedOn], cursor, [...mine]],
      });
      const txid = res.rows[0]?.txid;
      if (txid) mine.add(txid);
      return txid;
    },
    async since() {
      const before = cursor;
      const res = await pool.query<FeedRow>({ name: 'changesSince', text: sinceText('$1::pg_snapshot'), values: [before] });
      return apply(res.rows, before);
    },
    sinceStatement() {
      if (!SNAPSHOT_TEXT.test(cursor)) return undefined;
      return { text: sinceText(`'${cursor}'::pg_snapshot`), from: cursor };
    },
    holdingsStatement() {
      if (!SNAPSHOT_TEXT.test(cursor) || [...mine].some((x) => !/^\d+$/.test(x))) return undefined;
      const from = `'${cursor}'::pg_snapshot`;
      const changed = `SELECT unnest(c.servers) FROM changes c WHERE c.txid >= pg_snapshot_xmin(${from})
                       AND NOT pg_visible_in_snapshot(c.txid, ${from}) AND NOT (c.txid = ANY('{${[...mine].join(',')}}'::xid8[]))`;
      return `WITH o AS (SELECT DISTINCT owner FROM holdings WHERE server IN (${changed}))
              SELECT ${HOLDING_COLUMNS} FROM holdings WHERE owner IN (SELECT owner FROM o) OR parent_owner IN (SELECT owner FROM o)`;
    },
    take(read) {
      if (read.from !== cursor) return 'moved';
      const changes = apply(read.rows, read.from);
      if (changes && !changes.full && read.holdings) changes.rows = read.holdings;
      return changes;
    },
    sees: (position) => snapshotSees(cursor, position),
    forget(position) {
      mine.delete(position);
    },
    async prune(retentionMs) {
      await pool.query({
        name: 'pruneChanges',
        text: `WITH gone AS (DELETE FROM changes WHERE at < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - $1 RETURNING txid)
               UPDATE changes_horizon SET xid = (SELECT max(txid) FROM gone) WHERE EXISTS (SELECT 1 FROM gone) AND xid < (SELECT max(txid) FROM gone)`,
        values: [retentionMs],
      });
    },
  };
}

/** A row of the feed read from a cursor: the snapshot and horizon on every row, a change where one is new. */
export interface FeedRow {
  snap: string;
  horizon: string;
  txid: string | null;
  servers: string[] | null;
  scopes: string[] | null;
  /** The resources the change wrote (its `name:` claims). */
  names: string[] | null;
}

const HOLDING_COLUMNS = 'owner, server, project, parent_owner AS "parentOwner", mask, slices';

/** A snapshot as `pg_current_snapshot()::text` prints it (`xmin:xmax:xip,...`): safe to write into a statement. */
const SNAPSHOT_TEXT = /^\d+:\d+:(\d+(,\d+)*)?$/;

/** The feed's rows that the snapshot `from` (an SQL expression) did not see, with the snapshot now and the pruned horizon. */
function sinceText(from: string): string {
  return `SELECT s.snap::text AS snap, h.xid::text AS horizon, c.txid::text AS txid, c.servers, c.scopes,
                 ARRAY(SELECT k FROM unnest(c.claims) k WHERE starts_with(k, '${RESOURCE_KEY_PREFIX}')) AS names
          FROM (SELECT pg_current_snapshot() AS snap) s
          CROSS JOIN changes_horizon h
          LEFT JOIN changes c ON c.txid >= pg_snapshot_xmin(${from}) AND NOT pg_visible_in_snapshot(c.txid, ${from})`;
}

/**
 * Every row of the given owners, of the owners holding anything on the given servers, and of the
 * endpoints inside any of them: what `Allocator.replaceOwners` needs to re-read those servers.
 */
export async function holdingsAround(pool: pg.Pool | pg.PoolClient, servers: readonly string[], owners: readonly string[]): Promise<HoldingRecord[]> {
  const res = await pool.query<StoredHolding>({
    name: 'holdingsAround',
    text: `WITH o AS (SELECT unnest($2::text[]) AS owner UNION SELECT owner FROM holdings WHERE server = ANY($1::text[]))
           SELECT owner, server, project, parent_owner AS "parentOwner", mask, slices FROM holdings
           WHERE owner IN (SELECT owner FROM o) OR parent_owner IN (SELECT owner FROM o)`,
    values: [[...servers], [...owners]],
  });
  return res.rows.map(readHoldingRow);
}
