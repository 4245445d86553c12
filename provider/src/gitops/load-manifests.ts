import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkManifestValue } from './check-manifest.ts';
import type { Manifest, ManifestDiagnostic } from './manifest.ts';
import { parsePlainYaml } from './parse-plain-yaml.ts';
import { lazyPositions, parseWithPositions } from './parse-with-positions.ts';
import { toManifest } from './to-manifest.ts';

/** What reading a directory gave: every well-formed manifest and every problem, together. */
export interface LoadResult {
  manifests: Manifest[];
  diagnostics: ManifestDiagnostic[];
  files: string[];
}

/** Lists the YAML files under a directory, sorted, skipping dot-folders (`.github`, `.git`) and node_modules. */
export async function findManifestFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push(path);
    }
  }
  await walk(dir);
  return out.sort();
}

/**
 * Reads every manifest under `dir`. File names in positions are relative to
 * `displayRoot` (default: the directory itself) so messages stay short and
 * reproducible across machines.
 */
export async function loadManifests(dir: string, options: { displayRoot?: string } = {}): Promise<LoadResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return { manifests: [], files: [], diagnostics: [missingDir(dir)] };
  const files = info.isDirectory() ? await findManifestFiles(dir) : [dir];
  const root = options.displayRoot ?? (info.isDirectory() ? dir : join(dir, '..'));
  const result: LoadResult = { manifests: [], diagnostics: [], files };
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  files.forEach((file, i) => {
    const parsed = parseManifests(texts[i]!, relative(root, file) || file);
    for (const manifest of parsed.manifests) result.manifests.push(manifest);
    for (const diagnostic of parsed.diagnostics) result.diagnostics.push(diagnostic);
  });
  return result;
}

function missingDir(dir: string): ManifestDiagnostic {
  return {
    code: 'MANIFEST_INVALID',
    message: `no such directory: ${dir}`,
    position: { file: dir, line: 1, column: 1 },
    path: '',
    hint: 'pass the directory that holds the stack manifests (YAML files)',
  };
}

/**
 * Parses one file's text; pure, so tests need no file system. Most files are
 * plain YAML without mistakes: those take the fast path, which keeps no
 * positions and finds them only if something later asks. A file the fast
 * path cannot read, or one with a problem to report, is parsed again in
 * full, so every diagnostic still says `file:line:column`.
 */
export function parseManifests(text: string, file: string): { manifests: Manifest[]; diagnostics: ManifestDiagnostic[] } {
  const documents = parsePlainYaml(text);
  if (!documents) return parseWithPositions(text, file);
  const positions = lazyPositions(text, file);
  const manifests: Manifest[] = [];
  for (const doc of documents) {
    if (checkManifestValue(doc.value).length > 0) return parseWithPositions(text, file);
    manifests.push(toManifest(doc.value, { file, line: doc.line, column: doc.column }, (path) => positions(doc.offset, path)));
  }
  return { manifests, diagnostics: [] };
}
