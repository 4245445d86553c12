import type { SqliteTables } from './sqlite-sync-store.ts';

/** Projects: names that exist, so a request to an unknown project is refused before anything else. */
export const sqliteProjects: SqliteTables<'hasProject' | 'putProject' | 'listProjects'> = (db) => {
  const s = {
    hasProject: db.prepare('SELECT 1 FROM projects WHERE name = ?').pluck(),
    putProject: db.prepare('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)'),
    listProjects: db.prepare('SELECT name FROM projects ORDER BY name').pluck(),
  };
  return {
    hasProject: (name) => s.hasProject.get(name) !== undefined,
    putProject: (name, createdAt) => void s.putProject.run(name, createdAt),
    listProjects: () => s.listProjects.all() as string[],
  };
};
