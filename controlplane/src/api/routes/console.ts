import type { FastifyPluginAsync } from 'fastify';
import { apiError, loadConsoleAssets } from '../../cloud/index.ts';

/**
 * The web console: the page at `/` and its bundle under `/console/`. The files need no token (they
 * hold none); the page asks for one and calls the public API with it.
 */
export const consoleRoutes: FastifyPluginAsync = async (app) => {
  const assets = loadConsoleAssets();
  const send = (path: string) => {
    const asset = assets.get(path);
    if (!asset) {
      throw apiError('NOT_FOUND', assets.size ? `no console file ${path}` : 'the web console is not built', {
        hint: assets.size ? undefined : 'Run `npm run prepare` (npm install runs it) to build dist/console/.',
      });
    }
    return asset;
  };
  const securityHeaders = {
    // Everything comes from this server: no CDN, no inline script, no framing by other sites.
    'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  app.get('/', async (_req, reply) => {
    const a = send('/');
    return reply.headers(securityHeaders).header('cache-control', 'no-cache').type(a.contentType).send(a.body);
  });
  app.get<{ Params: { '*': string } }>('/console/*', async (req, reply) => {
    const a = send(`/console/${req.params['*']}`);
    return reply.headers(securityHeaders).header('cache-control', 'no-cache').type(a.contentType).send(a.body);
  });
};
