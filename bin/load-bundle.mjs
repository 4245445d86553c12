// The launchers run the bundles in dist/ that `npm run prepare` builds (a package ships them); they never
// run the TypeScript sources, which need the build tools of the devDependencies.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Imports the bundle `dist/<name>.mjs` (or `path` when given). A missing bundle ends the process with
 * a message on stderr and exit code 1, because a plugin's stdout is read by its engine.
 */
export async function loadBundle(name, path = fileURLToPath(new URL(`../dist/${name}.mjs`, import.meta.url))) {
  if (!existsSync(path)) {
    process.stderr.write(`${name}: the bundle ${path} is missing; build it with \`npm run prepare\` (needs the devDependencies: npm ci)\n`);
    process.exit(1);
  }
  return import(pathToFileURL(path).href);
}
