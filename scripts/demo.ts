// `npm run demo`: the GitOps front end end to end on the embedded cloud, in a fresh temporary
// data folder, so it runs on a fresh clone with nothing else started.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../provider/src/cli/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stackDir = join(root, 'examples', 'gitops');
const dataDir = await mkdtemp(join(tmpdir(), 'aicloud-demo-'));
const cloud = ['--data-dir', dataDir];
// Simulated latencies at 1/20 of a real cloud's (a cluster takes 1.5 s), so the apply shows live progress.
process.env.AICLOUD_TIME_SCALE ??= '0.05';

function heading(text: string): void {
  const bold = process.stdout.isTTY ? (s: string) => `\x1b[1m${s}\x1b[0m` : (s: string) => s;
  process.stdout.write(`\n${bold(`== ${text}`)}\n\n`);
}

async function step(title: string, args: string[], expect: number[]): Promise<void> {
  heading(
    `${title}: aicloud ${args
      .filter((a) => a !== dataDir && a !== '--data-dir')
      .join(' ')
      .replace(root + '/', '')}`,
  );
  const code = await main([...cloud, ...args]);
  if (!expect.includes(code)) throw new Error(`aicloud ${args[0]} exited ${code}, expected ${expect.join(' or ')}`);
}

const started = Date.now();
try {
  const planFile = join(dataDir, 'plan.json');
  const snapshotFile = join(dataDir, 'snapshot.json');
  await step('1. Plan the example stack', ['plan', stackDir, '--detailed-exitcode'], [2]);
  await step('2. Save the plan with a 30-minute capacity lease on its placements', ['plan', stackDir, '--out', planFile, '--lease', '30m'], [0]);
  await step('3. The leased accelerators, before anything is created', ['capacity', '--zone', 'cn-southwest-2a'], [0]);
  await step('4. Apply the saved plan (it draws on the lease; parallel, with progress)', ['apply', planFile, '--auto-approve'], [0]);
  await step('5. Plan again: the cloud matches the manifests', ['plan', stackDir, '--detailed-exitcode'], [0]);
  await step('6. Snapshot the occupancy', ['snapshot', 'save', snapshotFile], [0]);
  await step(
    '7. What if the training supernode fails (in process, nothing live changes)',
    ['plan', stackDir, '--what-if', snapshotFile, '--degrade', 'supernode=sn-1'],
    [0, 1],
  );
  await step('8. Destroy is refused: the checkpoints and weights are protected', ['destroy', stackDir, '--auto-approve'], [1]);
  process.stdout.write(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)}s on the embedded cloud in a temporary folder.\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
