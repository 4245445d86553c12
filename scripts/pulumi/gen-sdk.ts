// Writes sdk/nodejs from schema/schema.json (`npx tsx scripts/pulumi/gen-sdk.ts`), or with `--check`
// exits 1 and lists the files that differ, so CI catches an SDK that is out of date.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSdk } from './sdk-gen/index.ts';
import type { PackageSchema } from './sdk-gen/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sdkDir = join(root, 'sdk/nodejs');
/** Build output and installed packages live in the SDK folder too but are not generated. */
const KEEP = new Set(['bin', 'node_modules']);

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (dir === sdkDir && KEEP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(relative(sdkDir, p));
  }
  return out;
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const schema = JSON.parse(await readFile(join(root, 'schema/schema.json'), 'utf8')) as PackageSchema;
  const files = generateSdk(schema);
  const existing = new Set(await listFiles(sdkDir));
  const stale = [...existing].filter((f) => !files.has(f));
  const changed: string[] = [];
  for (const [path, text] of files) {
    const current = existing.has(path) ? await readFile(join(sdkDir, path), 'utf8') : undefined;
    if (current !== text) changed.push(path);
  }
  if (check) {
    for (const f of [...changed, ...stale]) process.stderr.write(`out of date: sdk/nodejs/${f}\n`);
    if (changed.length || stale.length) process.stderr.write('run: npx tsx scripts/pulumi/gen-sdk.ts\n');
    return changed.length || stale.length ? 1 : 0;
  }
  for (const path of changed) {
    await mkdir(dirname(join(sdkDir, path)), { recursive: true });
    await writeFile(join(sdkDir, path), files.get(path)!);
  }
  for (const path of stale) await rm(join(sdkDir, path));
  process.stderr.write(`sdk/nodejs: ${files.size} files, ${changed.length} written, ${stale.length} removed\n`);
  return 0;
}

process.exitCode = await main();
