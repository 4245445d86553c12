import type { Readable } from 'node:stream';

/** Collects a stream's text and lets a test wait until a line matches, instead of sleeping. */
export interface LineWatcher {
  text(): string;
  lines(): string[];
  /** Resolves with the first line (already seen or coming) that matches; rejects if the stream ends first. */
  waitFor(match: RegExp | ((line: string) => boolean)): Promise<string>;
}

export function watchLines(stream: Readable): LineWatcher {
  let text = '';
  let partial = '';
  const lines: string[] = [];
  let ended = false;
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  stream.on('end', () => {
    ended = true;
    for (const w of waiters.splice(0)) w.reject(new Error(`stream ended before a matching line; last lines:\n${lines.slice(-10).join('\n')}`));
  });
  return {
    text: () => text,
    lines: () => [...lines],
    waitFor(match) {
      const test = typeof match === 'function' ? match : (l: string) => match.test(l);
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      if (ended) return Promise.reject(new Error('stream already ended'));
      return new Promise((resolve, reject) => waiters.push({ test, resolve, reject }));
    },
  };
}
