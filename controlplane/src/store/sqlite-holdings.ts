import { readHoldingRow, type StoredHolding } from './read-holding-row.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

/** Holdings: the allocator's rows, one per owner and server, that rebuild its index after a restart. */
export const sqliteHoldings: SqliteTables<'listAllocations' | 'listHoldingsInside' | 'putHoldings' | 'deleteHoldings' | 'deleteHoldingsOf'> = (db) => {
  const s = {
    listHoldings: db.prepare('SELECT owner, server, project, parent_owner AS parentOwner, mask, slices FROM holdings'),
    listHoldingsInside: db.prepare('SELECT owner, server, project, parent_owner AS parentOwner, mask, slices FROM holdings WHERE parent_owner = ?'),
    putHolding: db.prepare(
      `INSERT INTO holdings (owner, server, project, parent_owner, mask, slices) VALUES (@owner, @server, @project, @parentOwner, @mask, @slices)
       ON CONFLICT (owner, server) DO UPDATE SET mask = mask | excluded.mask, slices = coalesce(excluded.slices, slices)`,
    ),
    deleteHolding: db.prepare('DELETE FROM holdings WHERE owner = ? AND server = ?'),
    deleteHoldingsOf: db.prepare('DELETE FROM holdings WHERE owner = ?'),
    deleteHoldingsInside: db.prepare('DELETE FROM holdings WHERE parent_owner = ?'),
  };
  return {
    listAllocations: () => (s.listHoldings.all() as StoredHolding[]).map(readHoldingRow),
    listHoldingsInside: (parentOwner) => (s.listHoldingsInside.all(parentOwner) as StoredHolding[]).map(readHoldingRow),
    // Callers already hold the transaction; these loops must not open savepoints of their own.
    putHoldings(rows) {
      for (const row of rows) s.putHolding.run({ ...row, slices: row.slices?.length ? JSON.stringify(row.slices) : null });
    },
    deleteHoldings(owner, servers) {
      for (const server of servers) s.deleteHolding.run(owner, server);
    },
    deleteHoldingsOf(owner) {
      s.deleteHoldingsInside.run(owner);
      s.deleteHoldingsOf.run(owner);
    },
  };
};
