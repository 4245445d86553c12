// A Python virtual environment for the SDK tests, created once per requirements file and Python
// version in a cache outside the checkout, so a warm run only installs sdk/python into it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIREMENTS = fileURLToPath(new URL('../fixtures/requirements.txt', import.meta.url));

function run(cmd: string, args: string[], cwd?: string): SpawnSyncReturns<string> {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.error) throw new Error(`cannot run ${cmd}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  return res;
}

/** Returns the path of the venv's python, creating the venv when it is not cached yet. */
export function pythonVenv(): string {
  const python = process.env.AICLOUD_PYTHON || 'python3';
  const version = run(python, ['-c', 'import sys; print(sys.version)']).stdout.trim();
  const key = createHash('sha256').update(version).update('\0').update(readFileSync(REQUIREMENTS)).digest('hex').slice(0, 16);
  const base = process.env.AICLOUD_TOOLS_DIR || join(homedir(), '.cache', 'aicloud-tools');
  const dir = join(base, `python-venv-${key}`);
  const venvPython = join(dir, 'bin', 'python');
  if (existsSync(venvPython)) return venvPython;
  mkdirSync(base, { recursive: true });
  const partial = `${dir}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  run(python, ['-m', 'venv', partial]);
  run(join(partial, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS]);
  // A venv's scripts name their own folder, so it is created under the final name's sibling and moved
  // only once complete; pip's console scripts are not used, the tests run `python -m`.
  try {
    renameSync(partial, dir);
  } catch (err) {
    // Another process finished the same environment first; use that one.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(venvPython)) throw err;
  }
  return venvPython;
}

/**
 * Installs sdk/python into the cached venv as `pip install ./sdk/python` does, from a copy in work (pip
 * builds in the source folder, and build/ and *.egg-info must stay out of the checkout), and checks
 * that the venv meets the package's declared dependencies. Returns the venv's python.
 */
export function installPythonSdk(work: string): string {
  const python = pythonVenv();
  const copy = join(work, 'sdk-python');
  cpSync(fileURLToPath(new URL('../../../sdk/python/', import.meta.url)), copy, { recursive: true });
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-build-isolation', '--force-reinstall', '--no-deps', copy]);
  run(python, ['-m', 'pip', 'check', '--disable-pip-version-check']);
  return python;
}
