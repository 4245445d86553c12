// Entry point of `terraform-provider-aicloud`: serves the provider until Terraform shuts it down.
import { createProvider } from './create-provider.ts';
import { openCloud } from './open-cloud.ts';
import { servePlugin } from './server/serve-plugin.ts';

export async function main(): Promise<void> {
  const { handlers } = createProvider(openCloud);
  await servePlugin(handlers);
}
