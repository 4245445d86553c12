// The README's first quick start, `npm run demo`, as a user runs it after `npm install` (which has run for
// the tests): every step of the GitOps walk-through on the embedded cloud, and nothing left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../support/run-command.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

test('the README runs `npm run demo`, and it walks every step to the refused destroy', async () => {
  const readme = readFileSync(`${REPO}README.md`, 'utf8');
  assert.match(readme.split('\n## ')[0]!, /```sh\nnpm install && npm run demo\n/, 'the quick start at the top of the README');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AICLOUD_')));
  const r = await runCommand('npm', ['run', '--silent', 'demo'], { cwd: REPO, env: { ...env, npm_config_update_notifier: 'false' } });
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`.slice(-4000));
  const steps = [...r.stdout.matchAll(/^== (\d+)\. /gm)].map((m) => Number(m[1]));
  assert.deepEqual(steps, [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.match(r.stdout, /Demo finished in [\d.]+s on the embedded cloud in a temporary folder\./);
});
