import type { PgTables } from './pg-query.ts';

/** Projects: names that exist, so a request to an unknown project is refused before anything else. */
export const pgProjects: PgTables<'hasProject' | 'putProject' | 'listProjects'> = ({ query, one }) => ({
  hasProject: async (name) => (await one('hasProject', 'SELECT 1 FROM projects WHERE name = $1', [name])) !== undefined,
  putProject: async (name, createdAt) =>
    void (await query('putProject', 'INSERT INTO projects (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, createdAt])),
  listProjects: async () => (await query<{ name: string }>('listProjects', 'SELECT name FROM projects ORDER BY name')).map((r) => r.name),
});
