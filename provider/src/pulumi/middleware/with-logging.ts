import type { AnyRpc, ProviderRpcs } from '../rpcs.ts';
import type { SecretRegistry } from '../secret-registry.ts';

/** Where log lines go; stdout belongs to the port handshake, so the default is stderr. */
export type LogSink = (line: string) => void;

/**
 * One stderr line per RPC (method, outcome, milliseconds) when logging is on. Requests and responses are never
 * logged, since they hold secrets in the clear once decoded; error text is scrubbed.
 */
export function withLogging(rpcs: ProviderRpcs, secrets: SecretRegistry, sink: LogSink = (l) => process.stderr.write(`${l}\n`)): ProviderRpcs {
  const out: ProviderRpcs = {};
  for (const [name, rpc] of Object.entries(rpcs) as [keyof ProviderRpcs, AnyRpc][]) {
    (out as Record<string, AnyRpc>)[name] = async (req, ctx) => {
      const started = performance.now();
      try {
        const res = await rpc(req, ctx);
        sink(`aicloud provider: ${name} ok ${(performance.now() - started).toFixed(1)}ms`);
        return res;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        sink(`aicloud provider: ${name} failed ${(performance.now() - started).toFixed(1)}ms: ${secrets.scrub(message)}`);
        throw err;
      }
    };
  }
  return out;
}
