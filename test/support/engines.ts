import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The engines `npm run tools` builds from the Go module proxy. */
export type EngineName = 'pulumi' | 'tofu' | 'pulumi-language-nodejs';

/**
 * Where `npm run tools` put an engine: `AICLOUD_TOOLS_BIN`, else the tools cache. Throws when the binary
 * is missing, so a suite that needs it fails instead of skipping silently.
 */
export function enginePath(name: EngineName): string {
  const bin = process.env.AICLOUD_TOOLS_BIN || join(process.env.AICLOUD_TOOLS_DIR || join(homedir(), '.cache', 'aicloud-tools'), 'bin');
  const path = join(bin, name);
  if (!existsSync(path)) throw new Error(`${name} is not built: ${path} does not exist. Run \`npm run tools\` first (or set AICLOUD_TOOLS_BIN to the folder it printed).`);
  return path;
}
