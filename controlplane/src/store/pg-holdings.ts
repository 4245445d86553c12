import type { HoldingRecord } from './records.ts';
import type { PgTables, Row } from './pg-query.ts';
import { readHoldingRow, type StoredHolding } from './read-holding-row.ts';

const HOLDING_COLUMNS = 'owner, server, project, parent_owner AS "parentOwner", mask, slices';

/** Holdings: the allocator's rows, one per owner and server, that rebuild its index after a restart. */
export const pgHoldings: PgTables<'listAllocations' | 'listHoldingsInside' | 'putHoldings' | 'deleteHoldings' | 'deleteHoldingsOf'> = ({ query }) => ({
  listAllocations: async () => (await query<StoredHolding & Row>('listHoldings', `SELECT ${HOLDING_COLUMNS} FROM holdings`)).map(readHoldingRow),
  listHoldingsInside: async (parentOwner) =>
    (await query<StoredHolding & Row>('listHoldingsInside', `SELECT ${HOLDING_COLUMNS} FROM holdings WHERE parent_owner = $1`, [parentOwner])).map(
      readHoldingRow,
    ),
  async putHoldings(given) {
    if (!given.length) return;
    // One statement may touch a row once: rows of one owner on one server are ORed here first.
    const merged = new Map<string, HoldingRecord>();
    for (const r of given) {
      const key = `${r.owner}\n${r.server}`;
      const seenRow = merged.get(key);
      const slices = [...(seenRow?.slices ?? []), ...(r.slices ?? [])];
      merged.set(key, seenRow ? { ...seenRow, mask: (seenRow.mask | r.mask) >>> 0, slices } : r);
    }
    const rows = [...merged.values()];
    // One statement for all rows; a row for a server the owner already holds ORs the masks.
    await query(
      'putHoldings',
      `INSERT INTO holdings (owner, server, project, parent_owner, mask, slices)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])
       ON CONFLICT (owner, server) DO UPDATE SET mask = holdings.mask | excluded.mask, slices = coalesce(excluded.slices, holdings.slices)`,
      [
        rows.map((r) => r.owner),
        rows.map((r) => r.server),
        rows.map((r) => r.project),
        rows.map((r) => r.parentOwner),
        rows.map((r) => r.mask >>> 0),
        rows.map((r) => (r.slices?.length ? JSON.stringify(r.slices) : null)),
      ],
    );
  },
  async deleteHoldings(owner, servers) {
    if (!servers.length) return;
    await query('deleteHoldings', 'DELETE FROM holdings WHERE owner = $1 AND server = ANY($2)', [owner, [...servers]]);
  },
  async deleteHoldingsOf(owner) {
    await query('deleteHoldingsOf', 'DELETE FROM holdings WHERE owner = $1 OR parent_owner = $1', [owner]);
  },
});
