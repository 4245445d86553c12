import { isAicloudError } from '../../../core/index.ts';
import type { CliContext } from './cli-context.ts';

/**
 * The one place errors reach the user. User errors print their message and
 * hint, never a stack; anything else is a bug in aicloud and says so. Secrets
 * cannot leak here because errors never carry them (the client redacts).
 */
export function reportError(error: unknown, ctx: Pick<CliContext, 'stderr' | 'env'>): number {
  if (isAicloudError(error) && error.source === 'user') {
    // The code goes on the first line, where a multi-line message (every manifest error) starts.
    const [first, ...rest] = error.message.split('\n');
    ctx.stderr.write(`error: ${first} [${error.code}]\n${rest.map((line) => `${line}\n`).join('')}`);
    if (error.hint && !error.message.includes(error.hint)) ctx.stderr.write(`hint: ${error.hint}\n`);
    return 1;
  }
  if (isCommanderExit(error)) return error.exitCode;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  ctx.stderr.write(`internal error: ${detail}\n`);
  ctx.stderr.write('This is a bug in aicloud. Please report it with the command you ran and the output above.\n');
  return 1;
}

function isCommanderExit(error: unknown): error is { exitCode: number } {
  return (
    typeof error === 'object' && error !== null && 'code' in error && String((error as { code: unknown }).code).startsWith('commander.') && 'exitCode' in error
  );
}
