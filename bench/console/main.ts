// Console benchmark: the occupancy map of 100 supernodes (38,400 accelerators), about half held by
// two projects, with faulty accelerators and draining servers, drawn in Debian's chromium. Reports
// the time from navigation to the first full render (median and p95 over --runs fresh page loads)
// and the render alone, and writes bench/results/console.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiRequest, createProjectWithToken, startControlPlane } from '../../test/support/index.ts';
import { browserMissing, launchBrowser } from '../../test/support/browser.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';

type MapWindow = { aicloudMap?: { firstRenderAt: number | null; fetchMs: number; renderMs: number; drawMs: number; accelerators: number } };

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
const random = seededRandom(Number(values.seed));

const missing = browserMissing();
if (missing) {
  console.error(`bench:console needs a browser: ${missing}`);
  process.exit(1);
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const round = (x: number) => Number(x.toFixed(1));

const cp = await startControlPlane(undefined, { inventoryFile: join(root, 'bench/console/inventory.yaml') });
const browser = await launchBrowser();
try {
  const token = await createProjectWithToken(cp.url, cp.adminToken, 'bench');
  const other = await createProjectWithToken(cp.url, cp.adminToken, 'others');
  // Fill about half the zone with clusters of 1 to 48 servers from two projects.
  let held = 0;
  let clusters = 0;
  while (held < 19_200) {
    const mine = random() < 0.5;
    const nodeCount = 1 + Math.floor(random() * random() * 48);
    const r = await apiRequest(cp.url, 'POST', `/v1/projects/${mine ? 'bench' : 'others'}/clusters`, {
      token: mine ? token : other,
      body: { name: `c${clusters}`, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount, placement: 'zone' },
    });
    if (r.status !== 202) throw new Error(`create cluster: ${r.status} ${r.text}`);
    held += nodeCount * 8;
    clusters++;
  }
  const faulty = Array.from(
    { length: 40 },
    () => `cn-southwest-2a/sn-${1 + Math.floor(random() * 100)}/s${String(1 + Math.floor(random() * 48)).padStart(2, '0')}/${Math.floor(random() * 8)}`,
  );
  await apiRequest(cp.url, 'POST', '/v1/admin/accelerators:markFaulty', { token: cp.adminToken, body: { ids: [...new Set(faulty)] } });
  await apiRequest(cp.url, 'POST', '/v1/admin/servers:drain', {
    token: cp.adminToken,
    body: { ids: ['cn-southwest-2a/sn-7/s01', 'cn-southwest-2a/sn-42/s17'] },
  });
  const occupancy = await apiRequest(cp.url, 'GET', '/v1/projects/bench/occupancy', { token });
  const bytes = Buffer.byteLength(occupancy.text);

  const samples: Array<{ firstRenderMs: number; fetchMs: number; renderMs: number; drawMs: number; accelerators: number }> = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.context();
    const page = await context.newPage();
    await page.goto(`${cp.url}/#token=${encodeURIComponent(token)}&project=bench`);
    // The map page publishes its timings on window.aicloudMap (console/src/occupancy-page.ts).
    await page.waitForFunction(() => (window as unknown as MapWindow).aicloudMap?.firstRenderAt != null, undefined, { timeout: 60_000 });
    const t = await page.evaluate(() => ({ ...(window as unknown as MapWindow).aicloudMap! }));
    samples.push({ firstRenderMs: t.firstRenderAt!, fetchMs: t.fetchMs, renderMs: t.renderMs, drawMs: t.drawMs, accelerators: t.accelerators });
    await context.close();
  }
  const first = samples.map((s) => s.firstRenderMs);
  const render = samples.map((s) => s.renderMs);
  const result = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, browser: `chromium ${browser.browser.version()}` },
    settings: {
      runs,
      seed: Number(values.seed),
      supernodes: 100,
      accelerators: samples[0]!.accelerators,
      clusters,
      heldAccelerators: held,
      occupancyBytes: bytes,
    },
    firstRenderMs: { median: round(quantile(first, 0.5)), p95: round(quantile(first, 0.95)), max: round(Math.max(...first)) },
    renderOnlyMs: { median: round(quantile(render, 0.5)), p95: round(quantile(render, 0.95)) },
    canvasDrawMs: {
      median: round(
        quantile(
          samples.map((s) => s.drawMs),
          0.5,
        ),
      ),
      p95: round(
        quantile(
          samples.map((s) => s.drawMs),
          0.95,
        ),
      ),
    },
    fetchMs: {
      median: round(
        quantile(
          samples.map((s) => s.fetchMs),
          0.5,
        ),
      ),
    },
    underOneSecond: quantile(first, 0.95) < 1000,
    samples: samples.map((s) => ({ firstRenderMs: round(s.firstRenderMs), fetchMs: round(s.fetchMs), renderMs: round(s.renderMs), drawMs: round(s.drawMs) })),
  };
  const out = join(root, 'bench/results/console.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `${result.settings.accelerators} accelerators in 100 supernodes, ${clusters} clusters holding ${held}; occupancy answer ${(bytes / 1024).toFixed(0)} KiB`,
  );
  console.log(`navigation to first full render: median ${result.firstRenderMs.median} ms, p95 ${result.firstRenderMs.p95} ms over ${runs} loads`);
  console.log(
    `render alone: median ${result.renderOnlyMs.median} ms, p95 ${result.renderOnlyMs.p95} ms, of which canvas drawing median ${result.canvasDrawMs.median} ms; occupancy fetch median ${result.fetchMs.median} ms`,
  );
  console.log(`under one second (p95): ${result.underOneSecond}`);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await cp.close();
}
