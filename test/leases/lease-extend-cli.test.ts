// `aicloud lease extend` against a control plane on a virtual clock (no test waits for time to pass):
// an extended lease outlives its first expiry, still holds its accelerators and apply gets exactly
// them; an ended or unknown lease cannot be extended, and a bad duration names its flag.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { ADMIN, testServer } from '../controlplane/helpers.ts';
import { scratch } from '../gitops/harness.ts';
import { runCli } from '../support/index.ts';

const P = '/v1/projects/default';

interface SavedLease {
  id: string;
  expiresAt: string;
  holdings: Array<{ address: string; action: string; servers: string[]; acceleratorCount: number }>;
}

/** A control plane on a virtual clock, a copy of the example stack, and the CLI pointed at both. */
async function setUp(t: TestContext) {
  const clock = createVirtualClock();
  const s = await testServer({ clock });
  const sc = await scratch();
  t.after(async () => {
    await s.close();
    await sc.cleanup();
  });
  const env = { AICLOUD_ENDPOINT: s.url, AICLOUD_TOKEN: ADMIN, AICLOUD_PROJECT: 'default' };
  const cli = (args: string[]) => runCli(args, { env });
  /** `aicloud plan --out FILE --lease DURATION` on the example stack; the lease it saved. */
  const planWithLease = async (file: string, lease: string): Promise<SavedLease> => {
    const out = join(sc.root, file);
    const plan = await cli(['plan', sc.stackDir, '--stack', 'gitops', '--out', out, '--lease', lease]);
    assert.equal(plan.code, 0, plan.stderr);
    return JSON.parse(await readFile(out, 'utf8')).lease;
  };
  return { clock, s, sc, cli, planWithLease };
}

/** The servers the occupancy map shows a lease holding (its `leasedMask`), sorted. */
async function leasedServers(s: Awaited<ReturnType<typeof testServer>>): Promise<string[]> {
  const occ = await s.call('GET', `${P}/occupancy`);
  assert.equal(occ.status, 200);
  const servers = occ.body.zones.flatMap((z: { supernodes: Array<{ servers: unknown[] }>; servers: unknown[] }) => [
    ...z.supernodes.flatMap((sn) => sn.servers),
    ...z.servers,
  ]) as Array<{ id: string; leasedMask: number }>;
  return servers
    .filter((srv) => srv.leasedMask !== 0)
    .map((srv) => srv.id)
    .sort();
}

test('an extended lease outlives its first expiry, still holds its accelerators, and apply gets exactly them', async (t) => {
  const { clock, s, sc, cli, planWithLease } = await setUp(t);
  const takenAt = clock.now();
  const lease = await planWithLease('plan.json', '1m');
  assert.equal(Date.parse(lease.expiresAt), takenAt + 60_000, 'a 1m lease expires a minute after it was taken');
  const created = lease.holdings.filter((h) => h.action === 'create');
  assert.deepEqual(created.map((h) => h.address).sort(), ['Cluster/infer-a', 'Cluster/train-a']);
  const held = created.flatMap((h) => h.servers).sort();
  assert.deepEqual(await leasedServers(s), held);

  // 168h is a valid duration, but the lease would then run past 7 days from now: refused, unchanged.
  const tooLong = await cli(['lease', 'extend', lease.id, '--by', '168h']);
  assert.equal(tooLong.code, 1);
  assert.equal(
    tooLong.stderr.split('\n')[0],
    `error: lease ${lease.id} may run at most 604800 seconds (7 days) from now; it expires at ${lease.expiresAt}, so it can be extended by at most ${7 * 24 * 3600 - 60} seconds [OUT_OF_RANGE]`,
  );
  assert.equal((await s.call('GET', `${P}/leases/${lease.id}`)).body.expiresAt, lease.expiresAt);

  const extended = await cli(['lease', 'extend', lease.id, '--by', '10m']);
  assert.equal(extended.code, 0, extended.stderr);
  const newExpiry = new Date(Date.parse(lease.expiresAt) + 10 * 60_000).toISOString();
  assert.equal(extended.stdout, `Lease ${lease.id} now expires at ${newExpiry}.\n`);
  const json = await s.call('GET', `${P}/leases/${lease.id}`);
  assert.equal(json.body.expiresAt, newExpiry);

  const listed = await cli(['capacity']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, new RegExp(`lease ${lease.id} \\(.*\\): 320 accelerators until ${newExpiry.replace(/\./g, '\\.')}\\n`));

  // Past the expiry the lease was taken with: it is still active and holds the same accelerators.
  clock.advance(60_000 + 1);
  const later = await cli(['capacity']);
  assert.equal(later.code, 0, later.stderr);
  assert.match(later.stdout, new RegExp(`lease ${lease.id} \\(.*\\): 320 accelerators until ${newExpiry.replace(/\./g, '\\.')}\\n`));
  assert.match(later.stdout, /Cluster\/train-a: 256 ascend-910c in sn-\d+ \(32 servers\)/);
  assert.match(later.stdout, /Cluster\/infer-a: 64 /);
  assert.equal((await s.call('GET', `${P}/leases/${lease.id}`)).body.status, 'active');
  assert.deepEqual(await leasedServers(s), held, 'the occupancy map still shows the leased servers');
  await s.invariantsClean('past the first expiry');

  const apply = await cli(['apply', join(sc.root, 'plan.json'), '--auto-approve']);
  assert.equal(apply.code, 0, apply.stderr);
  for (const h of created) {
    const name = h.address.slice('Cluster/'.length);
    const cluster = await s.call('GET', `${P}/clusters/${name}`);
    assert.equal(cluster.status, 200);
    assert.deepEqual(cluster.body.allocation.servers, h.servers, `${h.address} got exactly its leased servers`);
  }
  assert.equal((await s.call('GET', `${P}/leases/${lease.id}`)).body.status, 'consumed');
  assert.deepEqual(await leasedServers(s), [], 'nothing is left leased once apply drew on it');
  await s.invariantsClean('after apply');
});

test('extending a released, expired or unknown lease is refused naming the lease', async (t) => {
  const { clock, cli, planWithLease } = await setUp(t);
  const released = await planWithLease('released.json', '1m');
  assert.equal((await cli(['lease', 'release', released.id])).code, 0);
  const refused = await cli(['lease', 'extend', released.id, '--by', '5m']);
  assert.equal(refused.code, 1);
  assert.equal(refused.stdout, '');
  assert.match(
    refused.stderr,
    new RegExp(`^error: cannot extend: lease ${released.id} was released at \\S+; its accelerators were freed \\[LEASE_EXPIRED\\]\\n`),
  );

  const expiring = await planWithLease('expiring.json', '1m');
  clock.advance(60_000);
  const late = await cli(['lease', 'extend', expiring.id, '--by', '5m']);
  assert.equal(late.code, 1);
  assert.equal(late.stdout, '');
  assert.match(
    late.stderr,
    new RegExp(
      `^error: cannot extend: lease ${expiring.id} expired at ${expiring.expiresAt.replace(/\./g, '\\.')}; its accelerators were freed \\[LEASE_EXPIRED\\]\\n`,
    ),
  );

  const unknown = await cli(['lease', 'extend', 'lse-0123456789abcdef', '--by', '5m']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^error: lease lse-0123456789abcdef not found \[NOT_FOUND\]\n/);
});

test('a bad duration is refused naming the flag and the value, before anything is leased', async (t) => {
  const { sc, cli, s } = await setUp(t);
  const cases: Array<[string[], string, string]> = [
    [['lease', 'extend', 'lse-0123456789abcdef', '--by', 'soon'], '--by', 'soon'],
    [['lease', 'extend', 'lse-0123456789abcdef', '--by', '0'], '--by', '0'],
    [['lease', 'extend', 'lse-0123456789abcdef', '--by', '200h'], '--by', '200h'],
    [['plan', sc.stackDir, '--stack', 'gitops', '--out', join(sc.root, 'bad.json'), '--lease', '30 minutes'], '--lease', '30 minutes'],
    [['plan', sc.stackDir, '--stack', 'gitops', '--out', join(sc.root, 'bad.json'), '--lease', '0s'], '--lease', '0s'],
    [['plan', sc.stackDir, '--stack', 'gitops', '--out', join(sc.root, 'bad.json'), '--lease', '169h'], '--lease', '169h'],
  ];
  for (const [args, flag, value] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(`option '${flag} <duration>' argument '${value}' is invalid`), `${args.join(' ')} does not name ${flag} ${value}: ${r.stderr}`);
  }
  const missing = await cli(['lease', 'extend', 'lse-0123456789abcdef']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /required option '--by <duration>' not specified/);
  assert.deepEqual((await s.call('GET', `${P}/leases`)).body.items, [], 'no lease was taken');
});
