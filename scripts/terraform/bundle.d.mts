/** Bundles the Terraform provider (or the benchmark's minimal provider); returns the entry file written. */
export function bundleProvider(options?: { outdir?: string; entry?: 'main' | 'minimal' }): Promise<string>;
