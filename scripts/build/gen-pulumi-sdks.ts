// The Pulumi SDKs (sdk/nodejs, sdk/python, sdk/go), written by tools/codegen, a Go program that runs
// Pulumi's own code generators on schema/schema.json. Its binary is built once per version of its
// sources into a cache outside the checkout, so a warm build only runs it.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { repoRoot, schemaPath } from './load-schema.ts';

/** The SDK folders the generator owns, relative to the repository. */
export const SDK_DIRS = ['sdk/nodejs', 'sdk/python', 'sdk/go'] as const;

const codegenDir = join(repoRoot, 'tools', 'codegen');

/** Build output and installed packages inside the SDK folders: never generated, never checked in. */
const BUILD_OUTPUTS = new Set(['bin', 'node_modules', 'package-lock.json', 'build', 'dist', '__pycache__', '.venv']);

/**
 * Files in the SDK folders that the project keeps by hand: the Go SDK's go.mod and go.sum (they pin
 * the Pulumi Go SDK with every module it needs) and its tests.
 */
export function isHandKept(path: string): boolean {
  return path === 'sdk/go/go.mod' || path === 'sdk/go/go.sum' || (path.startsWith('sdk/go/') && path.endsWith('_test.go'));
}

function toolsCacheDir(): string {
  return process.env.AICLOUD_TOOLS_DIR || join(homedir(), '.cache', 'aicloud-tools');
}

/** Returns the generator binary, building it first when its sources changed since the last build. */
export function codegenBinary(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(codegenDir).sort()) {
    if (!/\.go$|^go\.(mod|sum)$/.test(name)) continue;
    hash
      .update(`${name}\0`)
      .update(readFileSync(join(codegenDir, name)))
      .update('\0');
  }
  const dir = join(toolsCacheDir(), `codegen-${hash.digest('hex').slice(0, 16)}`);
  const bin = join(dir, 'codegen');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const partial = `${bin}.${process.pid}.tmp`;
  console.error(`building the SDK generator (tools/codegen) into ${dir}`);
  // Plain flags (no -trimpath), so the compiled Pulumi packages are shared in Go's build cache with the
  // project's build of the Pulumi CLI.
  const res = spawnSync('go', ['build', '-o', partial, '.'], { cwd: codegenDir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.error) throw new Error(`cannot run go to build tools/codegen: ${res.error.message} (Go 1.26 or later must be on PATH)`);
  if (res.status !== 0) throw new Error(`go build of tools/codegen failed (exit ${res.status})`);
  renameSync(partial, bin);
  return bin;
}

function listFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (BUILD_OUTPUTS.has(name) || name.endsWith('.egg-info')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(path, out);
    else out.push(path);
  }
  return out;
}

/** Runs the generator and returns every SDK file it writes, as repository-relative paths and texts. */
export function generatePulumiSdks(): { path: string; text: string }[] {
  const out = mkdtempSync(join(tmpdir(), 'aicloud-sdks-'));
  try {
    const res = spawnSync(codegenBinary(), ['-schema', schemaPath, '-out', out], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`tools/codegen failed (exit ${res.status}): ${res.error?.message ?? res.stderr}`);
    return listFiles(out)
      .map((file) => ({ path: `sdk/${relative(out, file).split(sep).join('/')}`, text: readFileSync(file, 'utf8') }))
      .sort((a, b) => a.path.localeCompare(b.path));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Files in the SDK folders that the generator no longer writes (a resource or module was removed). */
export function orphanedSdkFiles(generated: Iterable<string>): string[] {
  const wanted = new Set(generated);
  return SDK_DIRS.flatMap((d) => listFiles(join(repoRoot, d)))
    .map((file) => relative(repoRoot, file).split(sep).join('/'))
    .filter((path) => !wanted.has(path) && !isHandKept(path))
    .sort();
}
