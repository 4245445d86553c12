import type { ResourceRecord } from './records.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

const RESOURCE_COLUMNS = 'id, project, kind, name, resource_version AS resourceVersion, doc, secret';

/** Resources: one row per resource, its wire document and its sealed secret. */
export const sqliteResources: SqliteTables<
  'getResource' | 'getResourceById' | 'findResourcesByName' | 'listResources' | 'listResourcesOfKinds' | 'putResource' | 'deleteResource' | 'liveResourceIds'
> = (db) => {
  const s = {
    getResource: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = ? AND kind = ? AND name = ?`),
    getResourceById: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE id = ?`),
    findByName: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE kind = ? AND name = ?`),
    listResources: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = ? AND kind = ? AND name > ? ORDER BY name LIMIT ?`),
    listKindResources: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE kind = ? AND project = ?`),
    putResource: db.prepare(
      `INSERT INTO resources (id, project, kind, name, resource_version, doc, secret)
       VALUES (@id, @project, @kind, @name, @resourceVersion, @doc, @secret)
       ON CONFLICT (kind, project, name) DO UPDATE SET resource_version = excluded.resource_version, doc = excluded.doc, secret = excluded.secret`,
    ),
    deleteResource: db.prepare('DELETE FROM resources WHERE kind = ? AND project = ? AND name = ? AND id = ?'),
    resourceIds: db.prepare('SELECT id FROM resources').pluck(),
  };
  return {
    getResource: (project, kind, name) => s.getResource.get(project, kind, name) as ResourceRecord | undefined,
    getResourceById: (id) => s.getResourceById.get(id) as ResourceRecord | undefined,
    findResourcesByName: (kind, name) => s.findByName.all(kind, name) as ResourceRecord[],
    listResources: (project, kind, afterName, limit) => s.listResources.all(project, kind, afterName, limit) as ResourceRecord[],
    listResourcesOfKinds: (project, kinds) => kinds.flatMap((kind) => s.listKindResources.all(kind, project) as ResourceRecord[]),
    putResource: (r) => void s.putResource.run(r),
    deleteResource: (r) => void s.deleteResource.run(r.kind, r.project, r.name, r.id),
    liveResourceIds: () => new Set(s.resourceIds.all() as string[]),
  };
};
