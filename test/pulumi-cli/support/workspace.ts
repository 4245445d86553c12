import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation/index.js';
import type { ConfigMap, PulumiFn, Stack } from '@pulumi/pulumi/automation/index.js';
import { enginePath } from '../../support/engines.ts';
import { tempDir } from '../../support/temp-dir.ts';

type AfterHook = { after(fn: () => void | Promise<void>): void };

/** The repository's bin/, which holds the `pulumi-resource-aicloud` executable the engine looks for. */
export const PLUGIN_BIN_DIR = fileURLToPath(new URL('../../../bin/', import.meta.url));

/** How the engine finds the provider plugin: the project's `plugins.providers`, or `PATH`. */
export type PluginLookup = 'project' | 'path';

/** One stack on a file backend, and the folders a test inspects. */
export interface CliStack {
  stack: Stack;
  /** The file backend (`PULUMI_BACKEND_URL=file://...`): where the state JSON lives. */
  backendDir: string;
  /** The project folder (Pulumi.yaml, Pulumi.<stack>.yaml). */
  workDir: string;
  /** The environment the CLI runs with, for running `pulumi` directly. */
  env: Record<string, string>;
  /** The raw state JSON of the stack, as the file backend stores it. */
  stateFile(): string;
}

/** The `pulumi` CLI that `npm run tools` built, as the Automation API's command (it checks the version). */
export async function pulumiCommand(): Promise<PulumiCommand> {
  const bin = dirname(enginePath('pulumi'));
  // PulumiCommand.get looks for <root>/bin/pulumi.
  if (basename(bin) !== 'bin') throw new Error(`the pulumi CLI must sit in a folder named bin, not ${bin}`);
  return PulumiCommand.get({ root: dirname(bin) });
}

/** Everything the CLI needs to run offline in a temp folder, with no update check and no plugin download. */
export function offlineEnv(root: string, lookup: PluginLookup): Record<string, string> {
  const home = join(root, 'pulumi-home');
  const backend = join(root, 'backend');
  mkdirSync(home, { recursive: true });
  mkdirSync(backend, { recursive: true });
  const tools = dirname(enginePath('pulumi'));
  const path = [lookup === 'path' ? PLUGIN_BIN_DIR : undefined, tools, process.env.PATH].filter(Boolean).join(':');
  return {
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: 'correct horse battery staple',
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
    PULUMI_HOME: home,
    PULUMI_SKIP_CONFIRMATIONS: 'true',
    PATH: path,
    // Settings come from the stack's config, never from whoever runs the tests.
    AICLOUD_ENDPOINT: '',
    AICLOUD_TOKEN: '',
    AICLOUD_PROJECT: '',
    AICLOUD_REGION: '',
  };
}

/**
 * A stack with an inline program on a file backend in a temp folder (removed when `t` ends), configured
 * for the given control plane with the token as a secret.
 */
export async function cliStack(
  t: AfterHook,
  opts: { program: PulumiFn; cloud: { url: string; token: string }; projectName?: string; stackName?: string; lookup?: PluginLookup; config?: ConfigMap },
): Promise<CliStack> {
  const root = tempDir(t, 'aicloud-pulumi-cli-').path;
  const lookup = opts.lookup ?? 'project';
  const env = offlineEnv(root, lookup);
  const workDir = join(root, 'project');
  mkdirSync(workDir);
  const projectName = opts.projectName ?? 'aicloud-cli-test';
  const stackName = opts.stackName ?? 'dev';
  const plugins = lookup === 'project' ? { providers: [{ name: 'aicloud', path: PLUGIN_BIN_DIR }] } : undefined;
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, projectName, program: opts.program },
    {
      workDir,
      pulumiHome: env.PULUMI_HOME,
      pulumiCommand: await pulumiCommand(),
      envVars: env,
      // `plugins` is part of Pulumi.yaml; the Automation API's type does not list it but writes it through.
      projectSettings: { name: projectName, runtime: 'nodejs', ...(plugins ? { plugins } : {}) } as never,
    },
  );
  await stack.setAllConfig({
    'aicloud:endpoint': { value: opts.cloud.url },
    'aicloud:token': { value: opts.cloud.token, secret: true },
    'aicloud:project': { value: 'default' },
    ...opts.config,
  });
  const backendDir = env.PULUMI_BACKEND_URL.slice('file://'.length);
  const stateFile = () => {
    const path = join(backendDir, '.pulumi', 'stacks', projectName, `${stackName}.json`);
    if (!existsSync(path)) throw new Error(`no state file at ${path}`);
    return readFileSync(path, 'utf8');
  };
  return { stack, backendDir, workDir, env, stateFile };
}
