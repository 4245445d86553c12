// The Terraform quick starts exactly as written, once per engine (terraform where it runs, tofu always,
// which the READMEs say replaces `terraform` in the commands): the `sh` block of the README's Terraform
// section and those of examples/terraform/README.md, read from the READMEs and run in a copy laid out
// like the repository, with HOME a temporary folder so `> ~/.terraformrc` writes there. `npm install`
// (and the bundling it does) has already run for the tests; `apply` and `destroy` get `yes` on their
// standard input, as a user types it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';
import { terraformEngines, type TerraformEngine } from './terraform-workspace.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(REPO, 'examples', 'terraform');
/** What `npm install` at the repository root already did before any test runs. */
const DONE_BY_NPM_INSTALL = [/^npm install\b/, /^node scripts\/terraform\/bundle\.mjs\b/];

/** The `sh` blocks of a README, each as its lines with comments dropped. */
function shBlocks(readme: string): string[][] {
  return [...readFileSync(readme, 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1]!
      .split('\n')
      .map((line) => line.replace(/\s#.*$/, '').trim())
      .filter(Boolean),
  );
}

/** A copy of the repository's layout in a temp folder (examples/terraform copied, the rest linked), and an environment with HOME there. */
function layout(t: { after(fn: () => void): void }, engine: TerraformEngine): { repo: string; env: NodeJS.ProcessEnv } {
  const root = tempDir(t, 'aicloud-tf-example-').path;
  // The example is copied, so its state and embedded cloud stay in the copy.
  const repo = join(root, 'repo');
  mkdirSync(join(repo, 'examples'), { recursive: true });
  for (const name of readdirSync(REPO)) if (name !== 'examples' && name !== '.git') symlinkSync(join(REPO, name), join(repo, name));
  cpSync(EXAMPLE, join(repo, 'examples', 'terraform'), {
    recursive: true,
    filter: (src) => !/\.aicloud|\.terraform|terraform\.tfstate/.test(src.slice(EXAMPLE.length)),
  });
  const home = join(root, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('AICLOUD_') && !k.startsWith('TF_') && !k.startsWith('TOFU_')),
  );
  env.HOME = home;
  // npm keeps using the cache it has; no notice about newer npm releases in the output.
  env.npm_config_cache = process.env.npm_config_cache ?? join(process.env.HOME ?? home, '.npm');
  env.npm_config_update_notifier = 'false';
  env.PATH = `${resolve(engine.bin, '..')}:${process.env.PATH ?? ''}`;
  return { repo, env };
}

/** The engine's command in place of `terraform` (not in `terraform:mirror`). */
function forEngine(line: string, engine: TerraformEngine): string {
  return engine.name === 'tofu' ? line.replace(/(^|&& )terraform /g, '$1tofu ') : line;
}

/** Runs one shell line with `input` on its standard input; resolves to its exit code and output. */
function sh(line: string, cwd: string, env: NodeJS.ProcessEnv, input: string): Promise<{ code: number; out: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', ['-c', line], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, out }));
    child.stdin.end(input);
  });
}

for (const engine of terraformEngines())
  describe(`examples/terraform as its README says, with ${engine.name}`, () => {
    test("the README's quick start: the mirror, init and apply", async (t) => {
      const blocks = shBlocks(join(REPO, 'README.md'));
      const quickStart = blocks.find((b) => b.some((l) => l.includes('terraform:mirror')));
      assert.ok(quickStart, "the README's Terraform section has a sh block");
      const { repo, env } = layout(t, engine);
      const script = quickStart.filter((l) => !DONE_BY_NPM_INSTALL.some((r) => r.test(l))).map((l) => forEngine(l, engine));
      assert.equal(script.length, 3, script.join('\n'));
      // One shell, as a user types the lines one after another; `apply` asks once.
      const r = await sh(['set -e', ...script].join('\n'), repo, env, 'yes\n');
      assert.equal(r.code, 0, r.out.slice(-4000));
      assert.match(r.out, /Installed aicloud\/aicloud v0\.1\.0/);
      assert.match(r.out, /Apply complete! Resources: 4 added, 0 changed, 0 destroyed\./);
    });

    test('examples/terraform/README.md: install the provider mirror, init, apply, plan with no changes, destroy', async (t) => {
      const blocks = shBlocks(join(EXAMPLE, 'README.md'));
      assert.equal(blocks.length, 2, 'the README has an install block and a run block');
      const { repo, env } = layout(t, engine);
      let cwd = repo;
      const out: Record<string, string> = {};
      for (const written of blocks.flat()) {
        if (DONE_BY_NPM_INSTALL.some((r) => r.test(written))) continue;
        const line = forEngine(written, engine);
        const cd = /^cd (\S+)$/.exec(line);
        if (cd) {
          cwd = resolve(cwd, cd[1]!);
          continue;
        }
        const exported = /^export (\w+)=(\S*)$/.exec(line);
        if (exported) {
          env[exported[1]!] = exported[2]!;
          continue;
        }
        const r = await sh(line, cwd, env, 'yes\n');
        out[line.replace(/^(terraform|tofu) /, '')] = r.out;
        assert.equal(r.code, 0, `${line} exited ${r.code}:\n${r.out.slice(-4000)}`);
      }
      assert.deepEqual(Object.keys(out), [
        'npx tsx scripts/terraform/install-mirror.ts > ~/.terraformrc',
        'init',
        'apply',
        'plan -detailed-exitcode',
        'destroy',
      ]);
      assert.match(out.init!, /Installed aicloud\/aicloud v0\.1\.0/);
      assert.match(out.apply!, /Apply complete! Resources: 4 added, 0 changed, 0 destroyed\./);
      assert.match(out['plan -detailed-exitcode']!, /No changes\./);
      assert.match(out.destroy!, /Destroy complete! Resources: 4 destroyed\./);
    });
  });
