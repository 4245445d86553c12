import Database from 'better-sqlite3';

/**
 * SQLite's own check of a database file, after WAL recovery: 'ok' when no page or index is torn.
 * Opened read-write because recovering a WAL left by a killed process needs to write.
 */
export function sqliteIntegrity(path: string): string {
  const db = new Database(path, { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
