import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildApp, openControlPlane } from '../../controlplane/src/api/index.ts';
import { generateOpenApi } from '../../scripts/build/gen-openapi.ts';
import { loadSchema } from '../../scripts/build/load-schema.ts';
import { TRAIN_A, testServer } from './helpers.ts';

const FILE = new URL('../../schema/generated/openapi.json', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** A registered fastify url as a regular expression over concrete paths (`::` is a literal colon). */
function routePattern(url: string): RegExp {
  const source = url
    .split('::')
    .map((part) =>
      part
        .replace(/[.]/g, '\\.')
        .replace(/:[A-Za-z]+/g, '[^/]+')
        .replace(/\*/g, '.+'),
    )
    .join(':');
  return new RegExp(`^${source}$`);
}

/** A document path made concrete: each {parameter} becomes a sample segment. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'sample');

describe('the OpenAPI document', () => {
  const file = JSON.parse(readFileSync(FILE, 'utf8'));
  let server: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    server = await testServer();
  });
  after(() => server.close());

  it('is the one the build step generates from the schema', () => {
    assert.deepEqual(generateOpenApi(loadSchema()), file);
  });

  it('is valid OpenAPI 3.1 for a third-party validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(file);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  });

  it('is served as is at /v1/openapi.json', async () => {
    const served = await server.call('GET', '/v1/openapi.json', undefined, {}, null);
    assert.equal(served.status, 200);
    assert.deepEqual(served.body, file);
  });

  it('has a path for every route the control plane registers, and a route for every path', async () => {
    const routes: { method: string; url: string }[] = [];
    const opened = await openControlPlane({ memory: true, timeScale: 0 });
    try {
      await buildApp(opened.cp, {
        logLevel: 'silent',
        onRoute: (r) => {
          for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m.toLowerCase(), url: r.url });
        },
      });
    } finally {
      await opened.close();
    }
    const operations = Object.entries(file.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ method, path })),
    );
    assert.ok(routes.length > 20, `only ${routes.length} routes seen`);
    const undocumented = routes.filter((r) => !operations.some((o) => o.method === r.method && routePattern(r.url).test(concrete(o.path))));
    assert.deepEqual(undocumented, [], 'routes without a path in the document');
    const unrouted = operations.filter((o) => !routes.some((r) => r.method === o.method && routePattern(r.url).test(concrete(o.path))));
    assert.deepEqual(unrouted, [], 'paths no route serves');
  });

  it("describes what the API accepts and answers: a create's body and its reply", async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ ...file, $id: 'openapi' });
    const spec = ajv.getSchema('openapi#/components/schemas/ClusterSpec')!;
    assert.ok(spec(TRAIN_A), JSON.stringify(spec.errors));
    assert.equal(spec({ ...TRAIN_A, nodeCounts: 1 }), false);
    assert.equal((await server.call('POST', '/v1/admin/projects', { name: 'docs' })).status, 201);
    const token = (await server.call('POST', '/v1/admin/projects/docs/tokens')).body.token;
    const created = await server.call('POST', '/v1/projects/docs/clusters', TRAIN_A, {}, token);
    assert.equal(created.status, 202);
    const cluster = ajv.getSchema('openapi#/components/schemas/Cluster')!;
    assert.ok(cluster(created.body.resource), JSON.stringify(cluster.errors));
    const operation = ajv.getSchema('openapi#/components/schemas/Operation')!;
    assert.ok(operation(created.body.operation), JSON.stringify(operation.errors));
  });
});
