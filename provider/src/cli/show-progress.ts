import { ProgressBoard, formatEventLine, type ApplyEvent } from '../apply/index.ts';
import type { PlanStep } from '../plan/index.ts';
import type { CliContext } from './cli-context.ts';

export interface ProgressView {
  onEvent(event: ApplyEvent): void;
  stop(): void;
}

/**
 * Live progress on stderr: on a terminal a board redrawn in place (a line per
 * resource with its elapsed time, and a bar); elsewhere one line per event,
 * which CI logs keep readable.
 */
export function showProgress(steps: readonly PlanStep[], ctx: CliContext): ProgressView {
  const startedAt = ctx.now();
  const out = ctx.stderr;
  if (!out.isTTY) {
    return { onEvent: (e) => out.write(`${formatEventLine(e, startedAt)}\n`), stop: () => {} };
  }
  const board = new ProgressBoard(steps, startedAt);
  let drawn = 0;
  const draw = (): void => {
    // Some pseudo-terminals report 0 columns; fall back to a usual width.
    const frame = board.render(ctx.now(), out.columns && out.columns >= 40 ? out.columns : 100);
    out.write(`${drawn > 0 ? `\x1b[${drawn}A\x1b[0J` : ''}${frame.join('\n')}\n`);
    drawn = frame.length;
  };
  // Elapsed times tick while requests are in flight; the timer only repaints.
  const timer = setInterval(draw, 250);
  timer.unref();
  draw();
  return {
    onEvent: (e) => {
      board.update(e);
      draw();
    },
    stop: () => {
      clearInterval(timer);
      draw();
    },
  };
}
