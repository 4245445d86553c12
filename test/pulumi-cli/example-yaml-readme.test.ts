// examples/pulumi-yaml exactly as its README says: the commands of its `sh` block, read from the README
// and run as written, in a copy laid out like the repository, with the `pulumi` CLI and the YAML
// language host `npm run tools` builds, on the embedded cloud. The backend is the README's alternative to
// `pulumi login --local`, PULUMI_BACKEND_URL on a temporary folder: the CLI takes the home folder of
// `--local` from the user database, not from HOME, so a test cannot move it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enginePath } from '../support/engines.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCommand } from '../support/run-command.ts';
import { findSecrets, readTree } from '../support/secret-scan.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(REPO, 'examples', 'pulumi-yaml');

/** The commands of the README's first `sh` block, one per line, comments dropped. */
function readmeCommands(): string[][] {
  const readme = readFileSync(join(EXAMPLE, 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'the README has a sh block');
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}

test('examples/pulumi-yaml runs as its README says: stack init, preview, up, stack output, refresh, destroy', async (t) => {
  enginePath('pulumi-language-yaml');
  const root = tempDir(t, 'aicloud-pulumi-yaml-example-').path;
  // The README's relative paths (../../provider/pulumi-plugin, which starts ../../bin) hold in a copy with the same layout.
  const example = join(root, 'repo', 'examples', 'pulumi-yaml');
  mkdirSync(dirname(example), { recursive: true });
  cpSync(EXAMPLE, example, { recursive: true, filter: (src) => !/\.aicloud|Pulumi\.[^/]+\.yaml$/.test(src.slice(EXAMPLE.length)) });
  symlinkSync(join(REPO, 'provider'), join(root, 'repo', 'provider'));
  symlinkSync(join(REPO, 'bin'), join(root, 'repo', 'bin'));
  const backend = join(root, 'backend');
  mkdirSync(backend);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AICLOUD_') && !k.startsWith('PULUMI_')));
  const env: Record<string, string> = {
    ...(base as Record<string, string>),
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_HOME: join(root, 'pulumi-home'),
    PULUMI_CONFIG_PASSPHRASE: 'correct horse battery staple',
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
    // The language host sits beside the CLI, as in Pulumi's own distribution.
    PATH: [dirname(enginePath('pulumi')), process.env.PATH].join(':'),
  };

  const [login, ...commands] = readmeCommands();
  assert.deepEqual(login, ['pulumi', 'login', '--local']);
  assert.deepEqual(
    commands.map((c) => c.slice(0, 2).join(' ')),
    ['pulumi stack', 'pulumi preview', 'pulumi up', 'pulumi stack', 'pulumi refresh', 'pulumi destroy'],
  );
  const out: string[] = [];
  for (const [cmd, ...args] of commands) {
    const r = await runCommand(cmd!, args, { cwd: example, env });
    const text = r.stdout + r.stderr;
    assert.equal(r.code, 0, `${cmd} ${args.join(' ')} exited ${r.code}:\n${text.slice(-4000)}`);
    out.push(text);
  }
  const [, preview, up, apiKeyOut, refresh, destroy] = out as [string, string, string, string, string, string];
  assert.match(preview, /\+ 7 to create/);
  assert.match(up, /\+ 7 created/);
  const apiKey = apiKeyOut.trim();
  assert.match(apiKey, /^\S{16,}$/, 'an API key');
  assert.ok(!up.includes(apiKey), 'the API key is not printed by up');
  assert.doesNotMatch(refresh, /~ \d+ updated|- \d+ deleted/, 'nothing drifted');
  assert.match(destroy, /- 7 deleted/);
  // The API key is only encrypted in the backend, history and backups included.
  const state = readTree(backend);
  assert.ok(
    Object.keys(state).some((f) => f.endsWith('dev.json')),
    `the stack's state in the backend: ${Object.keys(state).join(', ')}`,
  );
  assert.deepEqual(findSecrets({ apiKey }, state), []);
});
