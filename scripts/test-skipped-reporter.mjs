// A node:test reporter that writes one JSON line per skipped test or suite (its file, name and the
// reason given), so scripts/test.mjs can list them by name at the end of a run.
import { relative } from 'node:path';

/** Reads the runner's events; yields a line for each test or suite that was skipped. */
export default async function* skipped(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { skip, name, file, details } = event.data;
    if (skip === undefined || skip === false) continue;
    yield `${JSON.stringify({
      file: file ? relative(process.cwd(), file) : undefined,
      name,
      suite: details?.type === 'suite',
      reason: typeof skip === 'string' ? skip : undefined,
    })}\n`;
  }
}
