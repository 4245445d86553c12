import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_PARALLELISM } from '../apply/index.ts';
import type { CliContext } from './cli-context.ts';
import { defaultContext } from './default-context.ts';
import { parseLeaseDuration } from './lease-duration.ts';
import { parseDuration } from './parse-duration.ts';
import { reportError } from './report-error.ts';

/**
 * Builds the `aicloud` command. Each subcommand's code is imported only when
 * it runs, so `aicloud capacity` never loads the planner and `--help` loads nothing.
 */
export function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command('aicloud')
    .description('GitOps for the AI cloud: plan and apply YAML manifests of clusters, storage and model endpoints.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .option('--endpoint <url>', 'control plane URL (default: AICLOUD_ENDPOINT, else the embedded cloud)')
    .option('--project <name>', 'project (default: AICLOUD_PROJECT or "default")')
    .option('--region <region>', 'default region for resources that set none (default: AICLOUD_REGION)')
    .option('--data-dir <dir>', 'folder of the embedded cloud (default: AICLOUD_DATA_DIR or .aicloud)');

  // Commander has checked and converted the options declared below, so the cast only names their shape.
  const lazy =
    <O>(load: () => Promise<{ run: (options: O, ctx: CliContext) => Promise<number> }>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const options = { ...program.opts(), ...command.opts(), args: command.args } as O;
      const module = await load();
      setExit(await module.run(options, ctx));
    };
  const duration = (value: string) => {
    const ms = parseDuration(value);
    if (ms === undefined) throw new InvalidArgumentError('use a duration such as 500ms, 30s, 5m or 1h');
    return ms;
  };
  const leaseDuration = (value: string) => {
    const ms = parseLeaseDuration(value);
    if (typeof ms === 'string') throw new InvalidArgumentError(ms);
    return ms;
  };
  const positiveInt = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('use a whole number of at least 1');
    return n;
  };

  program
    .command('plan')
    .description('show what apply would change, where the accelerators would go and what it costs')
    .argument('[dir]', 'directory of manifests', '.')
    .option('--stack <name>', 'stack name (default: the directory name)')
    .option('--out <file>', 'save the plan (JSON) for `aicloud apply FILE`')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when none, 1 on error')
    .option('--refresh-only', 'only report how the cloud differs from the manifests')
    .option('--lease <duration>', 'hold the placements the preview found for this long, 1s to 168h (with --out); apply draws on them', leaseDuration)
    .option('--what-if <file>', 'plan against a saved snapshot (aicloud snapshot save), in process, touching nothing live')
    .option('--degrade <spec>', 'with --what-if: failures to inject, e.g. supernode=sn-2,server=ZONE/sn-1/s07:drain,accelerators=16:faulty')
    .action(lazy(() => import('./commands/plan.ts')));

  program
    .command('apply')
    .description('apply a saved plan exactly, or plan the directory and apply after confirmation')
    .argument('[target]', 'directory of manifests or a saved plan file', '.')
    .option('--stack <name>', 'stack name (default: the directory name)')
    .option('--auto-approve', 'do not ask for confirmation')
    .option('--parallelism <n>', 'steps in flight at once', positiveInt, DEFAULT_PARALLELISM)
    .option('--lock-timeout <duration>', 'wait this long for the stack lock', duration, 0)
    .action(lazy(() => import('./commands/apply.ts')));

  program
    .command('destroy')
    .description('delete every resource of the stack')
    .argument('[dir]', 'directory of manifests (only its name is used for the stack)', '.')
    .option('--stack <name>', 'stack name (default: the directory name)')
    .option('--auto-approve', 'do not ask for confirmation')
    .option('--parallelism <n>', 'steps in flight at once', positiveInt, DEFAULT_PARALLELISM)
    .option('--lock-timeout <duration>', 'wait this long for the stack lock', duration, 0)
    .action(lazy(() => import('./commands/destroy.ts')));

  program
    .command('reconcile')
    .description('the GitOps loop: plan, and apply when the repository or the cloud has moved')
    .argument('[dir]', 'directory of manifests', '.')
    .option('--stack <name>', 'stack name (default: the directory name)')
    .option('--interval <duration>', 'time between rounds', duration, 30_000)
    .option('--once', 'run one round and exit')
    .option('--parallelism <n>', 'steps in flight at once', positiveInt, DEFAULT_PARALLELISM)
    .option('--lock-timeout <duration>', 'wait this long for the stack lock', duration, 0)
    .action(lazy(() => import('./commands/reconcile.ts')));

  program
    .command('capacity')
    .description('free and total accelerators per zone and supernode')
    .option('--zone <zone>', 'only this zone')
    .option('--accelerator-type <type>', 'only this accelerator type')
    .action(lazy(() => import('./commands/capacity.ts')));

  program
    .command('snapshot')
    .description("save the cloud's occupancy for what-if plans")
    .command('save')
    .description('write holdings, health marks, queues and leases to FILE')
    .argument('<file>', 'where to write the snapshot')
    .action(lazy(async () => ({ run: (await import('./commands/snapshot.ts')).save })));

  const lease = program.command('lease').description('capacity leases taken by `aicloud plan --lease`');
  lease
    .command('release')
    .description('free what a lease holds')
    .argument('<id>', 'lease id')
    .action(lazy(async () => ({ run: (await import('./commands/lease.ts')).release })));
  lease
    .command('extend')
    .description("move a lease's expiry later")
    .argument('<id>', 'lease id')
    .requiredOption('--by <duration>', 'how much later (1s to 168h)', leaseDuration)
    .action(lazy(async () => ({ run: (await import('./commands/lease.ts')).extend })));

  program
    .command('force-unlock')
    .description('release a stack lock left by a run that died')
    .argument('<stack>', 'stack name')
    .action(lazy(() => import('./commands/force-unlock.ts')));

  program
    .command('console')
    .description('serve the web console of the embedded cloud on 127.0.0.1 and print a sign-in link')
    .option(
      '--port <n>',
      'port (0 picks a free one)',
      (value: string) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('use a port from 0 to 65535');
        return n;
      },
      0,
    )
    .action(lazy(() => import('./commands/console.ts')));

  // Its flags belong to the control plane's own entry point; main() hands them over untouched.
  program.command('server').description('run the control plane as an HTTP server (flags: aicloud server --help)').allowUnknownOption().helpOption(false);

  return program;
}

/** Runs the CLI and returns the exit code; the bin calls this and exits with it. */
export async function main(argv: readonly string[], ctx: CliContext = defaultContext()): Promise<number> {
  if (argv[0] === 'server') {
    const server = await import('./commands/server.ts');
    return server.run(argv.slice(1), ctx);
  }
  let code = 0;
  const program = buildProgram(ctx, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, ctx);
  }
}
