// The console's map in a real browser (Debian's chromium through playwright-core) while a capacity lease
// holds accelerators: the legend names the lease as leased, each supernode counts what is leased apart
// from what is held, the canvas draws leased cells hollow and held ones filled, the server list names
// the lease; once the lease is released, or another one expires, the map shows none of it, without a reload.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { cellAt, CELL } from '../../console/src/cell-layout.ts';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { FREE_RGB, holderRgb } from '../../console/src/holder-colours.ts';
import type { Occupancy } from '../../console/src/occupancy-types.ts';
import { apiRequest, createProjectWithToken, startControlPlane } from '../support/index.ts';
import { browserMissing, launchBrowser, TEST_RESULTS } from '../support/browser.ts';

const missing = browserMissing();
if (missing) process.stderr.write(`!! skipping the console lease browser test: ${missing}\n`);

let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
before(async () => {
  if (!missing) launched = await launchBrowser();
});
after(async () => {
  await launched?.close();
});

const PROJECT = 'team-l';
const P = `/v1/projects/${PROJECT}`;
const ZONE = 'cn-southwest-2a';
const shape = { zone: ZONE, acceleratorType: 'ascend-910c', placement: 'supernode' };

/** Where one accelerator is drawn: its supernode card and the pixel position of its cell there. */
interface Cell {
  card: string;
  server: string;
  x: number;
  y: number;
}

/** The cells of every accelerator on `servers` (ids as the API names them, `sn-1/s01`), from the occupancy the page draws. */
function cellsOf(occ: Occupancy, servers: readonly string[]): Cell[] {
  const zone = occ.zones.find((z) => z.zone === ZONE)!;
  const cells: Cell[] = [];
  for (const sn of zone.supernodes) {
    sn.servers.forEach((s, i) => {
      if (!servers.includes(s.id)) return;
      for (let a = 0; a < s.accelerators; a++) cells.push({ card: `${ZONE}/${sn.id}`, server: s.id, ...cellAt(sn.servers, i, a) });
    });
  }
  assert.equal(new Set(cells.map((c) => c.server)).size, servers.length, 'every server is on the map');
  return cells;
}

/** The colour of each cell's corner (its outline) and centre, as the page's canvases show them. */
async function cellColours(page: Page, cells: readonly Cell[]): Promise<Array<{ corner: number[]; centre: number[] }>> {
  // No named functions inside: the test's compiler would wrap them in a helper the page does not have.
  return page.evaluate(
    ({ cells, half }) =>
      cells.map((c) => {
        const canvas = document.querySelector(`button[data-supernode="${c.card}"] canvas`) as HTMLCanvasElement;
        const ctx = canvas.getContext('2d')!;
        return {
          corner: [...ctx.getImageData(c.x, c.y, 1, 1).data.slice(0, 3)],
          centre: [...ctx.getImageData(c.x + half, c.y + half, 1, 1).data.slice(0, 3)],
        };
      }),
    { cells, half: Math.floor(CELL / 2) },
  );
}

/** Every cell has this outline and this centre. */
function assertCells(colours: Array<{ corner: number[]; centre: number[] }>, corner: number[], centre: number[], what: string): void {
  assert.ok(colours.length > 0, what);
  for (const c of colours) {
    assert.deepEqual(c.corner, corner, `${what}: outline`);
    assert.deepEqual(c.centre, centre, `${what}: centre`);
  }
}

test('the map shows a lease taken through the API as leased, apart from held, and no longer once it is released or expired', { skip: missing }, async (t) => {
  const clock = createVirtualClock();
  const cp = await startControlPlane(t, { clock });
  const token = await createProjectWithToken(cp.url, cp.adminToken, PROJECT);
  const held = await apiRequest(cp.url, 'POST', `${P}/clusters`, { token, body: { ...shape, name: 'held-a', region: 'cn-southwest-2', nodeCount: 2 } });
  assert.equal(held.status, 202, held.text);
  const lease = await apiRequest(cp.url, 'POST', `${P}/leases`, {
    token,
    body: { requests: [{ action: 'create', name: 'leased-a', ...shape, nodeCount: 4 }], ttlSeconds: 1800, planDigest: 'sha256:console', owner: 'console test' },
  });
  assert.equal(lease.status, 201, lease.text);
  const id = lease.body.id as string;
  const leasedServers = lease.body.holdings[0].allocation.servers as string[];
  const heldServers = held.body.resource.allocation.servers as string[];
  assert.equal(leasedServers.length, 4);

  const occ = (await apiRequest(cp.url, 'GET', `${P}/occupancy`, { token })).body as Occupancy;
  const leaseIndex = occ.holders.findIndex((h) => h.kind === 'Lease' && h.name === id);
  const heldIndex = occ.holders.findIndex((h) => h.kind === 'Cluster' && h.name === 'held-a');
  assert.ok(leaseIndex > 0 && heldIndex > 0);
  const leasedCells = cellsOf(occ, leasedServers);
  const heldCells = cellsOf(occ, heldServers);
  const leasedCards = [...new Set(leasedCells.map((c) => c.card))];

  const context = await launched!.context();
  t.after(() => context.close());
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`${cp.url}/#token=${encodeURIComponent(token)}&project=${PROJECT}`);

  // The legend: the lease by name, marked leased with a hollow swatch; the cluster held as usual.
  const leaseEntry = page.locator(`.legend li[data-holder="Lease ${id}"]`);
  await leaseEntry.waitFor();
  assert.equal(await leaseEntry.getAttribute('data-leased'), 'true');
  assert.equal(Number(await leaseEntry.getAttribute('data-accelerators')), 32);
  assert.equal(await leaseEntry.locator('.swatch.leased').count(), 1);
  assert.match(await leaseEntry.innerText(), new RegExp(`Lease ${id}: 32 accelerators on 4 servers`));
  const heldEntry = page.locator('.legend li[data-holder="Cluster held-a"]');
  assert.equal(await heldEntry.getAttribute('data-leased'), null);
  assert.equal(await heldEntry.locator('.swatch.held').count(), 1);
  await page.locator('.legend li', { hasText: 'leased by a plan (hollow)' }).waitFor();

  // Each supernode counts its leased accelerators in words, apart from the held ones.
  const leasedPerCard = (card: string) => leasedCells.filter((c) => c.card === card).length;
  for (const card of leasedCards) {
    const label = await page.locator(`button[data-supernode="${card}"]`).getAttribute('aria-label');
    assert.match(label!, new RegExp(`leased ${leasedPerCard(card)}\\b`), `${card}: ${label}`);
  }

  // Leased cells are hollow in the lease's colour; held cells are filled with the cluster's.
  assertCells(await cellColours(page, leasedCells), holderRgb(leaseIndex), FREE_RGB, 'a leased accelerator');
  assertCells(await cellColours(page, heldCells), holderRgb(heldIndex), holderRgb(heldIndex), 'a held accelerator');
  await page.screenshot({ path: join(TEST_RESULTS, 'console-map-leased.png') });

  // The server list names the lease as the holder of a leased server.
  await page.locator(`button[data-supernode="${leasedCells[0]!.card}"]`).click();
  const row = page.locator(`table.servers tr[data-server="${leasedServers[0]}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`Lease ${id} \\(8\\)`));
  await page.getByRole('button', { name: 'Close server list' }).click();
  await row.waitFor({ state: 'detached' });

  // Released behind the console's back: the page follows without a reload.
  await page.evaluate(() => ((window as unknown as { noReload: string }).noReload = 'still here'));
  const released = await apiRequest(cp.url, 'DELETE', `${P}/leases/${id}`, { token });
  assert.equal(released.status, 200, released.text);
  assert.equal(released.body.status, 'released');
  await leaseEntry.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => (window as unknown as { noReload?: string }).noReload), 'still here');
  for (const card of leasedCards) {
    const label = await page.locator(`button[data-supernode="${card}"]`).getAttribute('aria-label');
    assert.doesNotMatch(label!, /leased/, `${card}: ${label}`);
  }
  assertCells(await cellColours(page, leasedCells), FREE_RGB, FREE_RGB, 'a released accelerator');
  // Holder indices follow the holdings, so the cluster's colour may move once the lease is gone.
  const occAfter = (await apiRequest(cp.url, 'GET', `${P}/occupancy`, { token })).body as Occupancy;
  const heldAfter = occAfter.holders.findIndex((h) => h.kind === 'Cluster' && h.name === 'held-a');
  assertCells(await cellColours(page, heldCells), holderRgb(heldAfter), holderRgb(heldAfter), 'a held accelerator after the release');
  assert.equal(await page.locator('.legend li[data-leased]').count(), 0);

  // A lease that expires leaves the map too: the clock moves past its end, the next poll settles it.
  const short = await apiRequest(cp.url, 'POST', `${P}/leases`, {
    token,
    body: { requests: [{ action: 'create', name: 'leased-b', ...shape, nodeCount: 1 }], ttlSeconds: 60, planDigest: 'sha256:console-b', owner: 'console test' },
  });
  assert.equal(short.status, 201, short.text);
  const shortEntry = page.locator(`.legend li[data-holder="Lease ${short.body.id}"][data-leased="true"]`);
  await shortEntry.waitFor();
  clock.advance(60_000);
  await shortEntry.waitFor({ state: 'detached' });
  assert.equal((await apiRequest(cp.url, 'GET', `${P}/leases/${short.body.id}`, { token })).body.status, 'expired');
  assert.equal(await page.locator('.legend li[data-leased]').count(), 0);
  assert.deepEqual(failures, []);
});
