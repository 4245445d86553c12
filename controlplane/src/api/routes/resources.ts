import type { FastifyPluginAsync } from 'fastify';
import { kindFromCollection, type Kind } from '../../../../core/index.ts';
import {
  notFound,
  createResource,
  deleteResource,
  etag,
  getResourceReply,
  listResources,
  updateResource,
  type ControlPlane,
  type ListQuery,
} from '../../cloud/index.ts';

type Params = { project: string; collection: string; name: string };

/**
 * The resource collections (one per kind: seven with queues) under /v1/projects/{project}/{collection}: create (202 with the
 * operation), list, read (ETag), merge-patch (If-Match) and delete.
 */
export const resourceRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  const kindOf = (collection: string): Kind => {
    const kind = kindFromCollection(collection);
    if (!kind) throw notFound(`collection ${collection}`);
    return kind;
  };

  // createResource catches up inside its write transaction (see `projectGuard`).
  app.post<{ Params: Params }>('/:collection', { config: { catchesUpInWrite: true } }, async (req, reply) => {
    const kind = kindOf(req.params.collection);
    const key = req.headers['idempotency-key'];
    const lease = req.headers['aicloud-lease'];
    const r = await createResource(
      cp,
      req.principal!,
      req.params.project,
      kind,
      req.body,
      typeof key === 'string' ? key : undefined,
      typeof lease === 'string' && lease ? lease : undefined,
    );
    return reply.code(r.status).type('application/json').send(r.body);
  });

  app.get<{ Params: Params; Querystring: ListQuery }>('/:collection', async (req, reply) => {
    const body = await listResources(cp, req.params.project, kindOf(req.params.collection), req.query);
    return reply.type('application/json').send(body);
  });

  app.get<{ Params: Params }>('/:collection/:name', async (req, reply) => {
    const kind = kindOf(req.params.collection);
    const r = await getResourceReply(cp, req.params.project, kind, req.params.name);
    if (!r) throw notFound(`${kind} ${req.params.name}`);
    return reply.header('etag', etag(r.version)).type('application/json').send(r.body);
  });

  app.patch<{ Params: Params }>('/:collection/:name', async (req, reply) => {
    const kind = kindOf(req.params.collection);
    const lease = req.headers['aicloud-lease'];
    const r = await updateResource(
      cp,
      req.params.project,
      kind,
      req.params.name,
      req.body,
      req.headers['if-match'],
      typeof lease === 'string' && lease ? lease : undefined,
    );
    return reply.code(r.status).type('application/json').send(r.body);
  });

  app.delete<{ Params: Params }>('/:collection/:name', async (req, reply) => {
    const kind = kindOf(req.params.collection);
    const r = await deleteResource(cp, req.params.project, kind, req.params.name, req.headers['if-match']);
    return reply.code(r.status).type('application/json').send(r.body);
  });
};
