// StopProvider: Terraform's Ctrl-C. In-flight waits see the abort and return what they have.
import type { ProviderContext } from '../provider-context.ts';

export async function stopProvider(ctx: ProviderContext): Promise<{ Error?: string }> {
  ctx.stop.abort(new Error('Terraform asked the provider to stop'));
  return {};
}
