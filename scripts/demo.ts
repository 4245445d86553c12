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
  heading(`${title}: aicloud ${args.filter((a) => a !== dataDir && a !== '--data-dir').join(' ').replace(root + '/', '')}`);
  const code = await main([...cloud, ...args]);
  if (!expect.includes(code)) throw new Error(`aicloud ${args[0]} exited ${code}, expected ${expect.join(' or ')}`);
}

const started = Date.now();
try {
  await step('1. Plan the example stack', ['plan', stackDir, '--detailed-exitcode'], [2]);
  await step('2. Apply it (parallel, with progress)', ['apply', stackDir, '--auto-approve'], [0]);
  await step('3. Where the accelerators went', ['capacity', '--zone', 'cn-southwest-2a'], [0]);
  await step('4. Plan again: the cloud matches the manifests', ['plan', stackDir, '--detailed-exitcode'], [0]);
  await step('5. Destroy is refused: the checkpoints and weights are protected', ['destroy', stackDir, '--auto-approve'], [1]);
  process.stdout.write(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)}s on the embedded cloud in a temporary folder.\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
