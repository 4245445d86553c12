import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where each secret shows up in a set of named texts or files; empty when none leaked. Secrets are
 * also looked for base64- and URL-encoded, since a leak that was merely encoded is still a leak.
 */
export function findSecrets(secrets: Record<string, string>, haystacks: Record<string, string | Buffer>): string[] {
  const found: string[] = [];
  for (const [secretName, secret] of Object.entries(secrets)) {
    if (!secret) continue;
    const forms = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
    for (const [where, hay] of Object.entries(haystacks)) {
      const buf = typeof hay === 'string' ? Buffer.from(hay) : hay;
      if (forms.some((f) => buf.includes(f))) found.push(`${secretName} in ${where}`);
    }
  }
  return found;
}

/** Every file under a folder, by relative name, except the ones listed (files meant to hold secrets). */
export function readTree(dir: string, except: readonly string[] = []): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (except.includes(r)) continue;
      if (statSync(path).isDirectory()) walk(path, r);
      else out[r] = readFileSync(path);
    }
  };
  walk(dir, '');
  return out;
}
