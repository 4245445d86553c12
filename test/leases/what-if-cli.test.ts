import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { CloudClient } from '../../provider/src/client/index.ts';
import { runInProcess, scratch } from '../gitops/harness.ts';

const TRAIN_B = `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: train-b
spec:
  zone: cn-southwest-2a
  acceleratorType: ascend-910c
  nodeCount: 40
  placement: supernode
`;

test('plan --what-if on a saved snapshot reports what a lost supernode does to the plan, touching nothing live', async () => {
  const s = await scratch();
  try {
    const base = ['--data-dir', s.dataDir];
    assert.equal((await runInProcess([...base, 'apply', s.stackDir, '--auto-approve'])).code, 0);
    const cloud = await CloudClient.connect({ dataDir: s.dataDir });
    let trainA: string;
    let free: string;
    try {
      // Two more supernodes of the zone taken whole, outside the stack: one stays free.
      const fillers = [];
      for (const name of ['filler-1', 'filler-2']) {
        fillers.push(await cloud.create('Cluster', { name, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' }));
      }
      trainA = ((await cloud.get('Cluster', 'train-a'))!.allocation as { supernodes: string[] }).supernodes[0]!;
      const used = new Set([trainA, ...fillers.map((f) => (f.allocation as { supernodes: string[] }).supernodes[0]!)]);
      free = ['sn-1', 'sn-2', 'sn-3', 'sn-4'].find((sn) => !used.has(sn))!;
    } finally {
      await cloud.close();
    }
    const snap = join(s.root, 'snap.json');
    const saved = await runInProcess([...base, 'snapshot', 'save', snap]);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, /Saved the occupancy of project default to .*snap\.json: \d+ holding rows, 0 waiting requests, 0 active leases\./);
    const before = await readFile(join(s.dataDir, 'cloud.db'));

    await writeFile(join(s.stackDir, 'train-b.yaml'), TRAIN_B);
    const plain = await runInProcess([...base, 'plan', s.stackDir, '--what-if', snap]);
    assert.equal(plain.code, 0, plain.stderr + plain.stdout);
    assert.match(plain.stdout, /What if nothing fails/);
    assert.match(plain.stdout, new RegExp(`fits: Cluster/train-b in ${free}`));

    const lostFree = await runInProcess([...base, 'plan', s.stackDir, '--what-if', snap, '--degrade', `supernode=${free}`]);
    assert.equal(lostFree.code, 1, lostFree.stdout);
    assert.match(lostFree.stdout, new RegExp(`What if ${free} fails`));
    assert.match(lostFree.stdout, /lost: 384 accelerators faulty, 0 servers drained/);
    assert.match(lostFree.stdout, /would not fit: Cluster\/train-b: need 40 ascend-910c servers \(320 accelerators\) in one supernode/);

    const lostTrain = await runInProcess([
      ...base,
      'plan',
      s.stackDir,
      '--what-if',
      snap,
      '--degrade',
      `supernode=${trainA},server=cn-southwest-2a/b910-01:drain`,
      '--format',
      'markdown',
    ]);
    assert.equal(lostTrain.code, 1, lostTrain.stdout);
    assert.match(lostTrain.stdout, new RegExp(`### If ${trainA} fails and b910-01 is drained: 1 would not fit`));
    assert.match(lostTrain.stdout, new RegExp(`- Cluster train-a \\(256 accelerators\\) loses its placement; it would fit again in ${free}`));
    assert.match(lostTrain.stdout, /nothing live was changed/);

    const json = await runInProcess([...base, 'plan', s.stackDir, '--what-if', snap, '--degrade', 'accelerators=4:faulty@cn-southwest-2a', '--format', 'json']);
    const report = JSON.parse(json.stdout).whatIf;
    assert.equal(report.lost.faultyAccelerators, 4);
    assert.equal(report.degrade, 'accelerators=4:faulty@cn-southwest-2a');

    const bad = await runInProcess([...base, 'plan', s.stackDir, '--what-if', snap, '--degrade', 'supernode=sn-9']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no supernode sn-9 in the snapshot's inventory/);

    // Nothing live moved: the database file is byte for byte the same, and train-b was never created.
    assert.ok(before.equals(await readFile(join(s.dataDir, 'cloud.db'))), 'the embedded cloud was not touched');
    const after = await CloudClient.connect({ dataDir: s.dataDir });
    try {
      assert.equal(await after.get('Cluster', 'train-b'), undefined);
    } finally {
      await after.close();
    }
  } finally {
    await s.cleanup();
  }
});
