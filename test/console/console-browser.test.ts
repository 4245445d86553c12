// The web console in a real browser (Debian's chromium through playwright-core): the example stack
// on the map, a delete seen without a reload, keyboard access, project isolation, `aicloud console`.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { apiRequest, createProjectWithToken, runCli, spawnCli, startControlPlane, tempDir } from '../support/index.ts';
import { browserMissing, launchBrowser, TEST_RESULTS } from '../support/browser.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/gitops', import.meta.url));
const missing = browserMissing();
if (missing) process.stderr.write(`!! skipping the console browser tests: ${missing}\n`);

let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
before(async () => {
  if (!missing) launched = await launchBrowser();
});
after(async () => {
  await launched?.close();
});

/** The legend's figure for one holder: accelerators held, or undefined when the map shows none. */
async function legendCount(page: Page, holder: string): Promise<number | undefined> {
  const value = await page
    .locator(`.legend li[data-holder="${holder}"]`)
    .getAttribute('data-accelerators', { timeout: 100 })
    .catch(() => null);
  return value === null ? undefined : Number(value);
}

async function applyExample(url: string, token: string, project: string): Promise<void> {
  const r = await runCli(['apply', EXAMPLE, '--auto-approve', '--stack', 'gitops'], {
    env: { AICLOUD_ENDPOINT: url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: project },
  });
  assert.equal(r.code, 0, r.stderr);
}

test('the map shows the example stack held, changes without a reload when a cluster is deleted, and opens by keyboard', { skip: missing }, async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'team-a');
  await applyExample(cp.url, token, 'team-a');
  const train = (await apiRequest(cp.url, 'GET', '/v1/projects/team-a/clusters/train-a', { token })).body;
  const infer = (await apiRequest(cp.url, 'GET', '/v1/projects/team-a/clusters/infer-a', { token })).body;
  assert.equal(train.status, 'ready');

  const context = await launched!.context();
  t.after(() => context.close());
  const page = await context.newPage();
  const failures: string[] = [];
  // A poll still in flight when the page switches is aborted on purpose; anything else is a failure.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`${cp.url}/#token=${encodeURIComponent(token)}&project=team-a`);
  await page.locator('.legend li[data-holder="Cluster train-a"]').waitFor();

  // The token moved from the address into this tab's session storage.
  assert.equal(new URL(page.url()).hash, '');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('aicloud.token')), token);
  // The control plane has a queues collection; a project token is not the admin, so no fault switches.
  await page.locator('#who', { hasText: 'Project team-a' }).waitFor();
  await page.locator('nav a[data-page="queues"]').waitFor();
  assert.deepEqual(await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('data-page'))), ['map', 'resources', 'operations', 'queues']);

  // Each cluster's accelerators, servers and supernodes as the API reports them.
  assert.equal(await legendCount(page, 'Cluster train-a'), train.allocation.acceleratorCount);
  assert.equal(await legendCount(page, 'Cluster infer-a'), infer.allocation.acceleratorCount);
  assert.equal(Number(await page.locator('.legend li[data-holder="Cluster train-a"]').getAttribute('data-servers')), train.allocation.servers.length);
  const trainSn = train.allocation.supernodes[0] as string;
  const zone = train.allocation.zone as string;
  const card = page.locator(`button[data-supernode="${zone}/${trainSn}"]`);
  const before = await card.getAttribute('aria-label');
  assert.match(before!, /held \d+/);
  const heldBefore = Number(/held (\d+)/.exec(before!)![1]);
  assert.ok(heldBefore >= train.allocation.acceleratorCount);
  await page.screenshot({ path: join(TEST_RESULTS, 'console-map.png'), fullPage: false });

  // Delete the training cluster behind the console's back; the page must follow without reloading.
  await page.evaluate(() => ((window as unknown as { noReload: string }).noReload = 'still here'));
  const del = await apiRequest(cp.url, 'DELETE', '/v1/projects/team-a/clusters/train-a', { token });
  assert.equal(del.status, 202, del.text);
  await page.locator('.legend li[data-holder="Cluster train-a"]').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => (window as unknown as { noReload?: string }).noReload), 'still here');
  assert.equal(await legendCount(page, 'Cluster infer-a'), infer.allocation.acceleratorCount);
  const afterLabel = await card.getAttribute('aria-label');
  const heldAfter = Number(/held (\d+)/.exec(afterLabel!)![1]);
  assert.equal(heldAfter, heldBefore - train.allocation.acceleratorCount);
  await page.screenshot({ path: join(TEST_RESULTS, 'console-map-after-delete.png') });

  // Keyboard: Tab reaches a supernode, Enter opens its server list, which names who holds what.
  const inferSn = `${infer.allocation.zone}/${infer.allocation.supernodes[0]}`;
  await page.locator('body').focus();
  let focused = '';
  for (let i = 0; i < 40 && focused !== inferSn; i++) {
    await page.keyboard.press('Tab');
    focused = (await page.evaluate(() => document.activeElement?.getAttribute('data-supernode') ?? '')) as string;
  }
  assert.equal(focused, inferSn, 'Tab never reached the supernode that holds infer-a');
  await page.keyboard.press('Enter');
  const row = page.locator(`table.servers tr[data-server="${infer.allocation.servers[0]}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Cluster infer-a \(8\)/);
  await page.keyboard.press('Escape');
  await row.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-supernode')), inferSn, 'Escape gives focus back to the supernode');

  // The resources page shows status and outputs, and the history of the deleted cluster's neighbours.
  await page.locator('nav a[data-page="resources"]').click();
  await page.locator('tr[data-resource="ModelEndpoint/deepseek-r1"]').waitFor();
  assert.equal(await page.locator('tr[data-resource="Cluster/train-a"]').count(), 0);
  await page.locator('button[aria-label="Details of ModelEndpoint deepseek-r1"]').click();
  await page.locator('table.ops tr[data-status="done"]').first().waitFor();
  const detail = await page.locator('section.detail').innerText();
  assert.match(detail, /Operation history of deepseek-r1/);
  assert.doesNotMatch(detail, /aic_|sk-/, 'a secret reached the page');

  // A live update of the list keeps keyboard focus where it was.
  const inferButton = page.locator('button[aria-label="Details of Cluster infer-a"]');
  await inferButton.focus();
  const created = await apiRequest(cp.url, 'POST', '/v1/projects/team-a/buckets', { token, body: { name: 'console-new-bucket', region: 'cn-southwest-2' } });
  assert.equal(created.status, 202, created.text);
  await page.locator('tr[data-resource="Bucket/console-new-bucket"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Details of Cluster infer-a');

  // Operations live: the delete of train-a is listed, done.
  await page.locator('nav a[data-page="operations"]').click();
  await page.locator('table.ops tr[data-status="done"]').first().waitFor();
  assert.match(await page.locator('table.ops').innerText(), /delete\s+Cluster train-a\s+done/);
  assert.deepEqual(failures, []);
});

test("another project's token sees nothing of this project in the console", { skip: missing }, async (t) => {
  const cp = await startControlPlane(t);
  const tokenA = await createProjectWithToken(cp.url, cp.adminToken, 'team-a');
  const tokenB = await createProjectWithToken(cp.url, cp.adminToken, 'team-b');
  await applyExample(cp.url, tokenA, 'team-a');
  const context = await launched!.context();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(`${cp.url}/`);

  // Team B's token cannot open team A.
  await page.getByLabel('API token').fill(tokenB);
  await page.getByLabel('Project').fill('team-a');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();

  await page.getByLabel('Project').fill('team-b');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const other = page.locator('.legend li[data-holder="another project"]');
  await other.waitFor();
  assert.ok(Number(await other.getAttribute('data-accelerators')) > 0, 'team A holds accelerators, shown only as another project');
  assert.equal(await page.locator('nav a[data-page="faults"]').count(), 0, 'fault switches are for the admin only');
  const open = page.locator('button.sn[aria-label*="held 2"], button.sn[aria-label*="held 3"]').first();
  await open.click();
  await page.locator('table.servers').waitFor();
  const seen = [await page.content()];
  for (const p of ['resources', 'operations']) {
    await page.locator(`nav a[data-page="${p}"]`).click();
    await page.getByText(p === 'resources' ? 'This project has no resources.' : 'No operations yet.').waitFor();
    seen.push(await page.content());
  }
  for (const html of seen) {
    for (const name of ['train-a', 'infer-a', 'deepseek-r1', 'team-a', 'cl-0']) assert.ok(!html.includes(name), `the page shows ${name}`);
  }

  // Signing out forgets the token and stays signed out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('API token').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('aicloud.token')), null);
  // One task later the hashchange that signing out caused has been handled (a yield, not a timed wait).
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.equal(await page.locator('.legend').count(), 0);
  assert.equal(await page.locator('nav').isHidden(), true);
});

test('aicloud console serves the embedded cloud and its printed link signs in as the admin', { skip: missing }, async (t) => {
  const dir = tempDir(t);
  const env = { AICLOUD_DATA_DIR: join(dir.path, '.aicloud') };
  const applied = await runCli(['apply', EXAMPLE, '--auto-approve', '--stack', 'gitops'], { cwd: dir.path, env });
  assert.equal(applied.code, 0, applied.stderr);
  const run = spawnCli(['console', '--port', '0'], { cwd: dir.path, env });
  t.after(async () => {
    run.child.kill('SIGTERM');
    await run.done;
  });
  const line = await run.stdout.waitFor(/#token=/);
  const link = line.trim();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#token=aic_[^&]+&project=default$/);
  assert.doesNotMatch(run.stderr.text(), /aic_/, 'the token reached stderr');
  const context = await launched!.context();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(link);
  await page.locator('.legend li[data-holder="Cluster train-a"]').waitFor();
  // Whether the token is the admin's is asked after the map starts: wait for the answer, not the map.
  await page.locator('#who', { hasText: 'Project default (admin token)' }).waitFor();

  // The admin's fault switches: injected API faults, shown back in the spec format, and cleared.
  await page.locator('nav a[data-page="faults"]').click();
  await page.getByText('No faults injected.').waitFor();
  await page.getByLabel('Fault spec').fill('POST /v1/projects/*/clusters=0.5:503,opfail=0.25');
  await page.getByRole('button', { name: 'Inject' }).click();
  await page.getByText('Injected faults now: POST /v1/projects/*/clusters=0.5:503,opfail=0.25').waitFor();
  await page.getByLabel('Fault spec').fill('latency=fast');
  await page.getByRole('button', { name: 'Inject' }).click();
  await page.getByText(/^Refused: /).waitFor();
  await page.getByRole('button', { name: 'Clear all faults' }).click();
  await page.getByText('No faults injected.').waitFor();

  // A faulty accelerator shows on the map as a count, not only a colour.
  await page.locator('nav a[data-page="faults"]').click();
  const id = 'cn-southwest-2a/sn-4/s48/7';
  await page.getByLabel('Mark accelerator faulty').fill(id);
  await page.getByRole('button', { name: 'Mark faulty' }).click();
  await page.locator('table th', { hasText: id }).waitFor();
  await page.locator('nav a[data-page="map"]').click();
  await page.locator('button[data-supernode="cn-southwest-2a/sn-4"][aria-label*="faulty 1"]').waitFor();

  // Another process changes the same embedded cloud file; the open console follows it.
  const extra = join(dir.path, 'extra');
  mkdirSync(extra);
  writeFileSync(
    join(extra, 'cluster.yaml'),
    [
      'apiVersion: aicloud.dev/v1',
      'kind: Cluster',
      'metadata:',
      '  name: extra',
      'spec:',
      '  zone: cn-southwest-2b',
      '  acceleratorType: ascend-910c',
      '  nodeCount: 3',
      '  placement: supernode',
      '',
    ].join('\n'),
  );
  const applied2 = await runCli(['apply', extra, '--auto-approve'], { cwd: dir.path, env });
  assert.equal(applied2.code, 0, applied2.stderr);
  await page.locator('.legend li[data-holder="Cluster extra"][data-accelerators="24"]').waitFor();
});

test("the queues page lists the project's queues with what waits in them", { skip: missing }, async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'team-q');
  const context = await launched!.context();
  t.after(() => context.close());
  const page = await context.newPage();
  const created = await apiRequest(cp.url, 'POST', '/v1/projects/team-q/queues', {
    token,
    body: { name: 'batch', quotas: [{ acceleratorType: 'ascend-910c', nominal: 384 }] },
  });
  assert.equal(created.status, 202);
  await page.goto(`${cp.url}/#token=${encodeURIComponent(token)}&project=team-q`);
  await page.locator('nav a[data-page="queues"]').click();
  const queue = page.locator('li[data-queue="batch"]');
  await queue.waitFor();
  const text = await queue.innerText();
  assert.match(text, /batch\s+ready/);
  assert.match(text, /"pendingCount": 0/);
  assert.match(text, /"nominal": 384/);
});

test("every page passes axe-core's WCAG 2 A and AA checks", { skip: missing }, async (t) => {
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'team-a');
  await applyExample(cp.url, token, 'team-a');
  await apiRequest(cp.url, 'POST', '/v1/admin/servers:drain', { token: cp.adminToken, body: { ids: ['cn-southwest-2a/sn-2/s01'] } });
  // axe is injected as a script, which the console's own content security policy rightly forbids.
  const context = await launched!.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const check = async (what: string) => {
    await page.addScriptTag({ path: axe });
    const { violations, passes } = await page.evaluate(async () => {
      type Result = { id: string; help: string; nodes: unknown[] };
      const r = await (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Result[]; passes: Result[] }> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
        },
      );
      return { violations: r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`), passes: r.passes.map((p) => p.id) };
    });
    assert.deepEqual(violations, [], `${what}: ${violations.join('; ')}`);
    // The rules that matter did run: contrast and names of buttons everywhere, labels where there are fields.
    const rules = ['color-contrast', 'button-name', ...(what === 'sign-in' || what === 'faults' ? ['label'] : [])];
    for (const rule of rules) assert.ok(passes.includes(rule), `${what}: axe did not check ${rule}`);
  };
  await page.goto(`${cp.url}/`);
  await page.getByLabel('API token').waitFor();
  await check('sign-in');
  await page.goto(`${cp.url}/#token=${encodeURIComponent(cp.adminToken)}&project=team-a`);
  await page.locator('.legend li[data-holder="Cluster train-a"]').waitFor();
  await page.locator('button[data-supernode="cn-southwest-2a/sn-1"]').click();
  await page.locator('table.servers').waitFor();
  await check('map with a server list');
  await page.locator('nav a[data-page="faults"]').waitFor();
  for (const [name, ready] of [
    ['resources', 'tr[data-resource]'],
    ['operations', 'table.ops'],
    ['faults', '#fault-spec'],
  ] as const) {
    await page.locator(`nav a[data-page="${name}"]`).click();
    await page.locator(ready).first().waitFor();
    await check(name);
  }
});
