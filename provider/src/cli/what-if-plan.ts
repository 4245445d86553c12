import { readFile } from 'node:fs/promises';
import type { OccupancySnapshot } from '../../../controlplane/src/snapshot/index.ts';
import { AicloudError } from '../../../core/index.ts';
import { formatManifestDiagnostic } from '../gitops/index.ts';
import { renderJson, renderMarkdown, renderText, type Plan } from '../plan/index.ts';
import { buildWhatIfReport, buildWhatIfWorld, parseDegrade, renderWhatIfMarkdown, renderWhatIfText, whatIfCloud } from '../what-if/index.ts';
import type { CliContext } from './cli-context.ts';
import { planStack } from './plan-stack.ts';

export interface WhatIfOptions {
  dir: string;
  snapshotFile: string;
  degrade?: string;
  stack?: string;
  region?: string;
  format: 'text' | 'markdown' | 'json';
}

async function readSnapshot(file: string): Promise<OccupancySnapshot> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new AicloudError('INVALID_VALUE', `${file} is not a snapshot: ${(e as Error).message}`, {
      field: 'what-if',
      hint: 'save one with `aicloud snapshot save FILE`',
    });
  }
  const s = parsed as Partial<OccupancySnapshot>;
  if (s.formatVersion !== 1 || !s.inventory || !Array.isArray(s.holdings) || !Array.isArray(s.resources)) {
    throw new AicloudError('INVALID_VALUE', `${file} is not a snapshot of format 1`, { field: 'what-if', hint: 'save one with `aicloud snapshot save FILE`' });
  }
  return s as OccupancySnapshot;
}

/**
 * `aicloud plan DIR --what-if FILE [--degrade SPEC]`: plans against a saved snapshot with the
 * degradation injected, in process, without opening any cloud. Exit 1 when something would not fit.
 */
export async function runWhatIfPlan(options: WhatIfOptions, ctx: CliContext): Promise<number> {
  const snapshot = await readSnapshot(options.snapshotFile);
  const world = buildWhatIfWorld(snapshot, options.degrade ? parseDegrade(options.degrade) : []);
  const cloud = whatIfCloud(world);
  const { plan, warnings } = await planStack(cloud, {
    dir: options.dir,
    project: snapshot.project,
    ...(options.stack ? { stack: options.stack } : {}),
    ...(options.region ? { region: options.region } : {}),
  });
  for (const w of warnings) ctx.stderr.write(`${formatManifestDiagnostic(w, 'warning')}\n`);
  const whatIf = buildWhatIfReport(world, plan, options.degrade);
  const withReport: Plan = { ...plan, whatIf };
  if (options.format === 'json') ctx.stdout.write(renderJson(withReport));
  else if (options.format === 'markdown') ctx.stdout.write(renderMarkdown(plan) + renderWhatIfMarkdown(whatIf));
  else ctx.stdout.write(renderText(plan, { color: Boolean(ctx.stdout.isTTY) && !ctx.env.NO_COLOR }) + renderWhatIfText(whatIf));
  return whatIf.wouldNotFit.length || plan.problems.some((p) => p.code !== 'PLAN_WILL_NOT_FIT') ? 1 : 0;
}
