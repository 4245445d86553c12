// Where `npm run tools` puts the Go-built command-line tools, and which build a cache folder holds.
// The folder name carries the Pulumi version and a hash of everything under tools/ that decides the
// binaries (go.mod, go.sum, Go files, the manifest with its ldflags), so a change to any of them
// builds afresh and an unchanged set is reused. Shared by the tools script and the tests; plain
// JavaScript (types in tools-cache.d.mts) so that a warm `npm run tools` starts no compiler.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's tools/ folder: one Go module per tool and tools.json. */
export const TOOLS_SRC = resolve(fileURLToPath(new URL('../../tools', import.meta.url)));

/** The manifest, read afresh each call (it is tiny). */
export function readManifest() {
  return JSON.parse(readFileSync(join(TOOLS_SRC, 'tools.json'), 'utf8')).tools;
}

/** The version a go.mod requires of `module`, so the manifest cannot drift from go.mod. */
export function requiredVersion(goMod, module) {
  const escaped = module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(?:require\\s+)?${escaped}\\s+(v\\S+)`, 'm').exec(goMod)?.[1];
}

/** Each way the manifest disagrees with the go.mod files it points to (empty when consistent). */
export function manifestProblems(tools) {
  const problems = [];
  for (const tool of tools) {
    const goModPath = join(TOOLS_SRC, tool.dir, 'go.mod');
    if (!existsSync(goModPath)) {
      problems.push(`tools/${tool.dir}/go.mod is missing (tool ${tool.name})`);
      continue;
    }
    const required = requiredVersion(readFileSync(goModPath, 'utf8'), tool.module);
    if (required !== tool.version) {
      problems.push(`tools/${tool.dir}/go.mod requires ${tool.module} ${required ?? '(nothing)'}, but tools/tools.json says ${tool.version}`);
    }
  }
  return problems;
}

function inputFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) inputFiles(path, out);
    else if (!name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** Short hash of every input under tools/ (documentation aside), paths included. */
export function toolsHash() {
  const hash = createHash('sha256');
  for (const file of inputFiles(TOOLS_SRC)) {
    hash.update(relative(TOOLS_SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** The cache root: AICLOUD_TOOLS_DIR when set (it replaces ~/.cache/aicloud-tools), else that. */
export function toolsRoot(env = process.env) {
  return resolve(env.AICLOUD_TOOLS_DIR || join(homedir(), '.cache', 'aicloud-tools'));
}

/** `<root>/<pulumi version>-<hash>`: one folder per set of inputs. */
export function toolsVersionDir(env = process.env) {
  const pulumi = readManifest().find((t) => t.name === 'pulumi');
  return join(toolsRoot(env), `pulumi-${pulumi?.version ?? 'none'}-${toolsHash()}`);
}

/** The folder holding the binaries. */
export function toolsBinDir(env = process.env) {
  return join(toolsVersionDir(env), 'bin');
}
