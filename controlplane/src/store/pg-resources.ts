import type { ResourceRecord } from './records.ts';
import type { PgTables, Row } from './pg-query.ts';

const RESOURCE_COLUMNS = 'id, project, kind, name, resource_version AS "resourceVersion", doc, secret';

/** Resources: one row per resource, its wire document and its sealed secret. */
export const pgResources: PgTables<
  'getResource' | 'getResourceById' | 'findResourcesByName' | 'listResources' | 'listResourcesOfKinds' | 'putResource' | 'deleteResource' | 'liveResourceIds'
> = ({ query, one }) => ({
  getResource: async (project, kind, name) =>
    one<ResourceRecord & Row>('getResource', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = $1 AND kind = $2 AND name = $3`, [project, kind, name]),
  getResourceById: async (id) => one<ResourceRecord & Row>('getResourceById', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE id = $1`, [id]),
  findResourcesByName: async (kind, name) =>
    query<ResourceRecord & Row>('findByName', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE kind = $1 AND name = $2`, [kind, name]),
  listResources: async (project, kind, afterName, limit) =>
    query<ResourceRecord & Row>(
      'listResources',
      `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = $1 AND kind = $2 AND name > $3 ORDER BY name COLLATE "C" LIMIT $4`,
      [project, kind, afterName, limit],
    ),
  listResourcesOfKinds: async (project, kinds) =>
    query<ResourceRecord & Row>('listKinds', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = $1 AND kind = ANY($2)`, [project, [...kinds]]),
  putResource: async (r) =>
    void (await query(
      'putResource',
      `INSERT INTO resources (id, project, kind, name, resource_version, doc, secret) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (kind, project, name) DO UPDATE SET id = excluded.id, resource_version = excluded.resource_version, doc = excluded.doc, secret = excluded.secret`,
      [r.id, r.project, r.kind, r.name, r.resourceVersion, r.doc, r.secret],
    )),
  deleteResource: async (r) =>
    void (await query('deleteResource', 'DELETE FROM resources WHERE kind = $1 AND project = $2 AND name = $3 AND id = $4', [r.kind, r.project, r.name, r.id])),
  liveResourceIds: async () => new Set((await query<{ id: string }>('resourceIds', 'SELECT id FROM resources')).map((r) => r.id)),
});
