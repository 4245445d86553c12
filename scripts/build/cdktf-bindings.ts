// The CDKTF bindings as a build artefact: `npm run build` writes them after the schema's other
// artefacts (the generator reads the provider's schema, which needs core/generated first), and
// `--check` generates them into a scratch folder and names every file that differs or is missing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from './load-schema.ts';

const SDK = join(repoRoot, 'sdk/cdktf');

/** Loaded late: the generator imports the Terraform provider, which imports the generated registry. */
async function generator(): Promise<(outdir?: string) => Promise<string[]>> {
  return (await import('../terraform/gen-cdktf.ts')).generateCdktf;
}

/** Writes sdk/cdktf/providers from the schema; returns the repository-relative paths written. */
export async function writeCdktfBindings(): Promise<string[]> {
  const files = await (await generator())(SDK);
  return files.map((f) => relative(repoRoot, f));
}

/** The repository-relative paths of bindings that differ from a fresh generation, or are missing. */
export async function staleCdktfBindings(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-cdktf-check-'));
  try {
    const stale: string[] = [];
    for (const file of await (
      await generator()
    )(dir)) {
      const committed = join(SDK, relative(dir, file));
      if (!existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(file, 'utf8')) stale.push(relative(repoRoot, committed));
    }
    return stale;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
