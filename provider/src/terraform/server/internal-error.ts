// The one place where an exception escaping an RPC becomes a diagnostic.
import { SEVERITY, type WireDiagnostic } from '../wire/messages.ts';

/** Known, typed errors the adapter did not expect here still show their message; others ask for a report. */
export function internalErrorDiagnostic(err: unknown): WireDiagnostic {
  const message = err instanceof Error ? err.message : String(err);
  if (process.env.AICLOUD_TF_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return {
    severity: SEVERITY.ERROR,
    summary: 'Internal error in the aicloud provider',
    detail: `${message}\n\nThis is a bug in the provider; please report it with the command you ran.`,
  };
}
