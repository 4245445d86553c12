import type { PlanStep } from '../plan/index.ts';
import type { ApplyEvent } from './apply-types.ts';
import { formatSeconds } from './progress-lines.ts';

type RowState = 'waiting' | 'running' | 'retrying' | 'done' | 'failed' | 'skipped';

interface Row {
  address: string;
  action: string;
  state: RowState;
  startedAt?: number;
  endedAt?: number;
  note?: string;
}

const MARK: Record<RowState, string> = { waiting: ' ', running: '*', retrying: '!', done: '+', failed: 'x', skipped: '-' };

/**
 * The TTY view of an apply: a line per resource with its elapsed time and an
 * overall bar. It only keeps state and draws frames; the caller decides when
 * to redraw, so tests render frames at chosen times without a terminal.
 */
export class ProgressBoard {
  readonly #rows: Row[];
  readonly #byAddress: Map<string, Row>;
  readonly #startedAt: number;

  constructor(steps: readonly PlanStep[], startedAt: number) {
    this.#rows = steps.filter((s) => s.action !== 'no-op').map((s) => ({ address: s.address, action: s.action, state: 'waiting' as RowState }));
    this.#byAddress = new Map(this.#rows.map((r) => [r.address, r]));
    this.#startedAt = startedAt;
  }

  update(event: ApplyEvent): void {
    const row = this.#byAddress.get(event.address);
    if (!row) return;
    switch (event.type) {
      case 'start':
        row.state = 'running';
        row.startedAt = event.at;
        break;
      case 'retry':
        row.state = 'retrying';
        row.note = `attempt ${event.attempt}`;
        break;
      case 'done':
        row.state = 'done';
        row.endedAt = event.at;
        row.note = undefined;
        break;
      case 'failed':
        row.state = 'failed';
        row.endedAt = event.at;
        row.note = event.code ?? 'failed';
        break;
      case 'skipped':
        row.state = 'skipped';
        row.note = event.reason;
        break;
    }
  }

  /** One frame: rows then the bar, `width` columns wide. */
  render(now: number, width = 80): string[] {
    const nameWidth = Math.min(48, Math.max(...this.#rows.map((r) => r.address.length), 8));
    const lines = this.#rows.map((row) => {
      const elapsed = row.startedAt === undefined ? '' : formatSeconds((row.endedAt ?? now) - row.startedAt);
      const label = row.state === 'running' ? `${row.action}` : row.state;
      const note = row.note ? ` (${row.note})` : '';
      return truncate(`${MARK[row.state]} ${row.address.padEnd(nameWidth)} ${label.padEnd(9)} ${elapsed.padStart(7)}${note}`, width);
    });
    const finished = this.#rows.filter((r) => r.state === 'done' || r.state === 'failed' || r.state === 'skipped').length;
    const total = this.#rows.length;
    const barWidth = Math.max(10, Math.min(40, width - 32));
    const filled = total === 0 ? barWidth : Math.round((finished / total) * barWidth);
    lines.push(`[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${finished}/${total} ${formatSeconds(now - this.#startedAt)}`);
    return lines;
  }
}

function truncate(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 3))}...`;
}
