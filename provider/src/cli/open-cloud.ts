import { CloudClient } from '../client/index.ts';
import type { CloudOptions } from './cli-context.ts';

/** Connects to the configured control plane, or opens the embedded cloud when no endpoint is set. */
export async function openCloud(options: CloudOptions): Promise<CloudClient> {
  return CloudClient.connect({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.project ? { project: options.project } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
}

/** Runs `fn` with a client and always closes it (the embedded cloud holds a database file open). */
export async function withCloud<T>(options: CloudOptions, fn: (cloud: CloudClient) => Promise<T>): Promise<T> {
  const cloud = await openCloud(options);
  try {
    return await fn(cloud);
  } finally {
    await cloud.close();
  }
}
