// `npm run tools`: builds the command-line tools the project drives (the Pulumi CLI, its Node.js and YAML
// language hosts, OpenTofu) from the Go module proxy, with the go.mod/go.sum pinned under tools/, into
// a cache outside the checkout. A cache folder that is complete is reused without running Go.
// stdout: each binary's absolute path on its own line; progress and errors go to stderr.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFailure } from './go-errors.mjs';
import { manifestProblems, readManifest, TOOLS_SRC, toolsBinDir, toolsVersionDir } from './tools-cache.mjs';

class ToolsError extends Error {}

const log = (line) => process.stderr.write(`tools: ${line}\n`);

function goEnv() {
  // No toolchain download and no workspace file from a parent folder: only the pinned modules.
  return { ...process.env, GOTOOLCHAIN: 'local', GOWORK: 'off' };
}

function checkGo() {
  const r = spawnSync('go', ['version'], { encoding: 'utf8', env: goEnv() });
  if (r.error || r.status !== 0) throw new ToolsError(`the Go toolchain is needed (go 1.26 or later on PATH): ${r.error?.message ?? r.stderr}`);
  log(r.stdout.trim());
}

/** Runs go, passing its output through to stderr and keeping it for the error message. */
function runGo(args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('go', args, { cwd, env: goEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const pass = (d) => {
      output += d.toString();
      process.stderr.write(d);
    };
    child.stdout.on('data', pass);
    child.stderr.on('data', pass);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, output }));
  });
}

async function build(tool, binDir) {
  const started = Date.now();
  log(`building ${tool.name} (${tool.module}@${tool.version}) ...`);
  const target = join(binDir, tool.name);
  const partial = join(binDir, `.${tool.name}.partial-${process.pid}`);
  const args = ['build', '-mod=readonly', '-buildvcs=false', '-ldflags', tool.ldflags, '-o', partial, tool.package];
  const r = await runGo(args, join(TOOLS_SRC, tool.dir));
  if (r.code !== 0) {
    rmSync(partial, { force: true });
    throw new ToolsError(buildFailure(tool, r.output));
  }
  if (tool.check.length) {
    const c = spawnSync(partial, tool.check, { encoding: 'utf8', env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: 'true', CHECKPOINT_DISABLE: '1' } });
    const out = `${c.stdout ?? ''}${c.stderr ?? ''}`;
    if (c.status !== 0 || !out.includes(tool.version)) {
      rmSync(partial, { force: true });
      throw new ToolsError(`${tool.name} ${tool.check.join(' ')} should name ${tool.version} but printed: ${out.trim() || c.error?.message}`);
    }
  }
  // A rename is atomic: a concurrent run sees either no binary or a whole one.
  renameSync(partial, target);
  log(`${tool.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const tools = readManifest();
  const problems = manifestProblems(tools);
  if (problems.length) throw new ToolsError(problems.join('\n'));
  const versionDir = toolsVersionDir();
  const binDir = toolsBinDir();
  const stamp = join(versionDir, 'complete');
  const paths = tools.map((t) => join(binDir, t.name));
  const missing = tools.filter((t) => !existsSync(join(binDir, t.name)));
  if (!existsSync(stamp) || missing.length) {
    log(`building into ${binDir}`);
    checkGo();
    mkdirSync(binDir, { recursive: true });
    for (const tool of missing) await build(tool, binDir);
    writeFileSync(stamp, `${JSON.stringify({ tools }, null, 2)}\n`);
  } else {
    log(`reusing ${binDir}`);
  }
  process.stdout.write(paths.map((p) => `${p}\n`).join(''));
}

main().catch((err) => {
  log(`error: ${err instanceof ToolsError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
