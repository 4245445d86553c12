/** Types for tools-cache.mjs, plain JavaScript so that a warm `npm run tools` starts no compiler. */

/** One binary built from the Go module proxy, as tools/tools.json describes it. */
export interface ToolSpec {
  /** Binary name, and the name tests ask for. */
  name: string;
  /** The Go module folder under tools/ that pins it. */
  dir: string;
  /** The module that provides the command and the version go.mod must require. */
  module: string;
  version: string;
  /** The main package built. */
  package: string;
  ldflags: string;
  /** Arguments whose output must name `version` once built (empty: no check). */
  check: string[];
}

export declare const TOOLS_SRC: string;
export declare function readManifest(): ToolSpec[];
export declare function requiredVersion(goMod: string, module: string): string | undefined;
export declare function manifestProblems(tools: ToolSpec[]): string[];
export declare function toolsHash(): string;
export declare function toolsRoot(env?: NodeJS.ProcessEnv): string;
export declare function toolsVersionDir(env?: NodeJS.ProcessEnv): string;
export declare function toolsBinDir(env?: NodeJS.ProcessEnv): string;
