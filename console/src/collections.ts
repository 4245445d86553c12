/** The resource collections of the public API, in the order the console lists them. */
export const COLLECTIONS = ['clusters', 'volumes', 'filesystems', 'buckets', 'kvcachepools', 'endpoints'] as const;

/** A resource as the API returns it (only what the console reads). */
export interface WireResource {
  kind: string;
  name: string;
  id: string;
  status: string;
  statusReason: string | null;
  allocation: { zone: string; supernodes: string[]; servers: string[]; acceleratorCount: number } | null;
  outputs: Record<string, unknown>;
  spec: Record<string, unknown>;
  updatedAt: string;
}

export interface WireOperation {
  id: string;
  type: string;
  target: { kind: string; name: string; id: string };
  status: string;
  error: { code: string; message: string } | null;
  createdAt: string;
  dueAt: string;
  doneAt: string | null;
}

/** Output fields the console never prints, even to their owner: they are credentials. */
const SECRET_KEYS = /key|token|secret|password/i;

/** Outputs with secret values masked, for display. */
export function maskSecrets(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && SECRET_KEYS.test(key)) return '••••••• (secret, not shown)';
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v, k)]));
  return value;
}
