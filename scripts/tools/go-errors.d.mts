/** Types for go-errors.mjs. */

/** A module version the proxy (or a direct fetch) would not serve. */
export interface Refusal {
  module: string;
  version?: string;
  reason: string;
}

export declare function findRefusal(output: string): Refusal | undefined;
export declare function buildFailure(tool: { name: string; module: string; version: string; dir: string }, output: string): string;
