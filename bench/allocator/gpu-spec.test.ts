import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { chooseType } from './choose-type.ts';
import { request, runModeAShared, typicalClasses, openbCatalogue, fragmentationShared } from './mode-a-shared.ts';
import { MILLI, openbInventory, openbModelType } from './openb-cluster.ts';
import { acceptedTypes, classesForModel, openbModels } from './openb-models.ts';
import { parseGpuSpec, readNodes, readPods } from './read-openb.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';

const NODES_CSV = `sn,cpu_milli,memory_mib,gpu,model
t4-0,32000,131072,2,T4
v16-0,32000,131072,2,V100M16
t4-1,32000,131072,2,T4
`;
const PODS_CSV = `name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
p0,4000,8192,1,1000,V100M16,LS,Running,0,10,0
p1,4000,8192,1,500,,LS,Running,0,10,0
p2,4000,8192,1,500,V100M16|V100M32|V100M16,LS,Running,0,10,0
p3,4000,8192,0,0,,LS,Running,0,10,0
`;

function readInline() {
  const dir = mkdtempSync(join(tmpdir(), 'openb-'));
  try {
    writeFileSync(join(dir, 'nodes.csv'), NODES_CSV);
    writeFileSync(join(dir, 'pods.csv'), PODS_CSV);
    return { nodes: readNodes(join(dir, 'nodes.csv')), pods: readPods(join(dir, 'pods.csv')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('gpu_spec: a |-separated list of models, each once; empty or nan means any model', () => {
  assert.deepEqual(parseGpuSpec('V100M16|V100M32|V100M32'), ['V100M16', 'V100M32']);
  assert.deepEqual(parseGpuSpec(''), []);
  assert.deepEqual(parseGpuSpec('nan'), []);
  assert.deepEqual(parseGpuSpec(undefined), []);
  const { pods } = readInline();
  assert.deepEqual(pods[0]!.gpuSpec, ['V100M16']);
  assert.equal(pods[1]!.gpuSpec, undefined);
  assert.deepEqual(pods[2]!.gpuSpec, ['V100M16', 'V100M32']);
});

test('by model, each server keeps its GPU model as its type, and a pod accepts the types its gpu_spec names that the cluster has', () => {
  const { nodes, pods } = readInline();
  const topo = new Topology(openbInventory(nodes, true));
  const m = openbModels(topo, nodes, true);
  assert.deepEqual(acceptedTypes(m, pods[0]!), [openbModelType('V100M16')]);
  assert.deepEqual(acceptedTypes(m, pods[2]!), [openbModelType('V100M16')], 'V100M32 is not in this cluster');
  assert.deepEqual(acceptedTypes(m, pods[1]!).sort(), [openbModelType('T4'), openbModelType('V100M16')].sort());
  // Node-list order survives the allocator grouping servers by type.
  assert.deepEqual(
    [...m.order].map((s) => topo.serverName[s]),
    ['t4-0', 'v16-0', 't4-1'],
  );
});

test('a pod with gpu_spec V100M16 never lands on a T4 server, under every policy, even when T4 servers are emptier', () => {
  const { nodes, pods } = readInline();
  const topo = new Topology(openbInventory(nodes, true));
  const m = openbModels(topo, nodes, true);
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const catalogue = openbCatalogue(gpuPods);
  const classes = typicalClasses(gpuPods);
  const serverClasses = m.modelOf.map((model) => classesForModel(classes, model));
  for (const policy of ['first-fit', 'best-fit', 'random', 'fgd', 'fgd-pack'] as const) {
    const types = [...new Set(m.typeOfModel.values())];
    const a = new Allocator(topo, { policy, seed: 1, learn: 'manual', partitions: Object.fromEntries(types.map((t) => [t, catalogue])) });
    const books = { freeMilli: new Int32Array(topo.acceleratorCount).fill(MILLI), freeCpu: topo.serverCpu.slice(), freeMem: topo.serverMem.slice() };
    const placedOn: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pod = pods[0]!;
      const d = chooseType(a, policy, topo, m, catalogue, serverClasses, books, pod, acceptedTypes(m, pod), (t) => request(pod, `p${i}`, t), seededRandom(i));
      if (!d.ok) {
        placedOn.push('refused');
        continue;
      }
      a.commit(d.owner, d);
      const s = topo.resolveAccelerator(d.servers[0]!.acceleratorIds[0]!)!.server;
      for (const id of d.servers[0]!.acceleratorIds) books.freeMilli[topo.serverBase[s]! + topo.resolveAccelerator(id)!.index] = 0;
      placedOn.push(topo.serverName[s]!);
    }
    assert.deepEqual(placedOn, ['v16-0', 'v16-0', 'refused'], `${policy}: two V100M16 GPUs, then nothing, though both T4 servers are empty`);
  }
});

test("FGD's measure by model: a pod limited to another model finds all of a server's free GPUs a fragment", () => {
  const { nodes, pods } = readInline();
  const topo = new Topology(openbInventory(nodes, true));
  const m = openbModels(topo, nodes, true);
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const classes = typicalClasses(gpuPods);
  const onT4 = classesForModel(classes, 'T4');
  // p0 and p2 (two of three GPU pods) accept only V100M16: on a T4 server they weigh 2/3 as "no access".
  assert.ok(Math.abs(onT4.reduce((x, c) => x + c.p, 0) - 1) < 1e-9);
  const free = new Int32Array(topo.acceleratorCount).fill(MILLI);
  const frag = fragmentationShared(
    topo,
    openbCatalogue(gpuPods),
    m.modelOf.map((model) => classesForModel(classes, model)),
    free,
    topo.serverCpu.slice(),
    topo.serverMem.slice(),
  );
  // 4 T4 GPUs, each 2/3 a fragment, of 6 GPUs in all.
  assert.ok(Math.abs(frag - (100 * (4 * (2 / 3))) / 6) < 1e-9, String(frag));
});

test('mode A with partitions honours gpu_spec: constrained pods are counted and the run stays within capacity', () => {
  const { nodes, pods } = readInline();
  const { info, results } = runModeAShared(nodes, pods, ['fgd-pack', 'best-fit', 'first-fit'], 1, 'trace');
  assert.equal(info.byModel, true);
  assert.equal(info.constrainedGpuPods, 2);
  for (const r of results) assert.ok(r.allocationRatio130 <= 100 + 1e-9, r.policy);
});
