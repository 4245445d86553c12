/** Types for bundle-node.mjs, a plain ES module so that install-time bundling needs no TypeScript. */
export declare const NODE_EXTERNALS: string[];
export declare function bundleNode(options: { name: string; entry: string; outdir: string; external?: string[] } & Record<string, unknown>): Promise<string>;
