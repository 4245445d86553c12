import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A built console file, read once: the bundle is a few files that never change while the server runs. */
export interface ConsoleAsset {
  body: Buffer;
  contentType: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Where `npm install` (the `prepare` step) put the console: `dist/console/` at the package root.
 * The control plane runs from its sources, from the CLI bundle in `dist/` or from its chunks in
 * `dist/<name>-chunks/`, so each of those places is tried.
 */
export function findConsoleDir(): string | undefined {
  const candidates = ['../../../dist/console/', './console/', '../console/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Every file of the built console by URL path (`/console/app.js`), plus `/` for the page itself. */
export function loadConsoleAssets(dir: string | undefined = findConsoleDir()): Map<string, ConsoleAsset> {
  const assets = new Map<string, ConsoleAsset>();
  if (!dir) return assets;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    assets.set(`/console/${name}`, { body: readFileSync(path), contentType: TYPES[extname(name)] ?? 'application/octet-stream' });
  }
  const page = assets.get('/console/index.html');
  if (page) assets.set('/', page);
  return assets;
}
