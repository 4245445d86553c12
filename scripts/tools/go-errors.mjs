// Turns the Go command's output into an error a user can act on: when the module proxy refuses a
// module or a version, the message names that module and version rather than ending in a wall of logs.

// `go: github.com/x/y@v1.2.3: reading https://proxy/github.com/x/y/@v/v1.2.3.zip: 403 Forbidden`
const READING = /([\w.~\-/]+)@(v[\w.\-+]+): reading \S+: (\d{3} [^\n]*)/;
// `module github.com/x/y: reading https://proxy/github.com/x/y/@v/list: 404 Not Found`
const LISTING = /module ([\w.~\-/]+): reading \S+: (\d{3} [^\n]*)/;
// `go: github.com/x/y@v9.9.9: invalid version: unknown revision v9.9.9`
const UNKNOWN = /([\w.~\-/]+)@(v[\w.\-+]+): (invalid version: [^\n]*|unknown revision [^\n]*)/;

/** The first refused module in `output`, if any. */
/** @returns {{ module: string, version?: string, reason: string } | undefined} */
export function findRefusal(output) {
  let m = READING.exec(output);
  if (m) return { module: m[1], version: m[2], reason: m[3].trim() };
  m = LISTING.exec(output);
  if (m) return { module: m[1], reason: m[2].trim() };
  m = UNKNOWN.exec(output);
  if (m) return { module: m[1], version: m[2], reason: m[3].trim() };
  return undefined;
}

/** The message for a failed build of `tool`, naming a refused module when the output shows one. */
export function buildFailure(tool, output) {
  const refusal = findRefusal(output);
  const head = refusal
    ? `the Go module proxy refused ${refusal.module}${refusal.version ? `@${refusal.version}` : ''} (${refusal.reason}), needed to build ${tool.name}`
    : `building ${tool.name} from ${tool.module}@${tool.version} failed`;
  const tail = output.trim().split('\n').slice(-15).join('\n');
  return `${head} (module tools/${tool.dir})\n${tail}`;
}
