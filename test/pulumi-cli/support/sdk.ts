import { createRequire } from 'node:module';
import type * as pulumi from '@pulumi/pulumi';
import { resolveSdkFromSources } from '../../pulumi/harness/resolve-sdk.ts';

/** A generated resource class as these programs use it: inputs in, outputs read by name. */
type ResourceClass = new (
  name: string,
  args: Record<string, unknown>,
  opts?: pulumi.CustomResourceOptions,
) => pulumi.CustomResource & Record<string, pulumi.Output<any>>;

/**
 * The part of `@aicloud/pulumi` the end-to-end programs use. Declared here rather than imported from the
 * generated sources, which follow the generator's settings, not the project's strict ones; the SDK's own
 * tests compile it (test/pulumi/sdk.test.ts).
 */
export interface Sdk {
  compute: { Cluster: ResourceClass; Queue: ResourceClass };
  storage: { Bucket: ResourceClass; Volume: ResourceClass; FileSystem: ResourceClass };
  inference: { ModelEndpoint: ResourceClass; KvCachePool: ResourceClass };
}

const require = createRequire(import.meta.url);

/**
 * Loads `@aicloud/pulumi`, compiled from the generated SDK, the way a Pulumi program loads a package
 * (CommonJS require), so its `@pulumi/pulumi` is the same module instance the Automation API runs the
 * inline program with.
 */
export function loadSdk(): Sdk {
  resolveSdkFromSources();
  return require('@aicloud/pulumi') as Sdk;
}
