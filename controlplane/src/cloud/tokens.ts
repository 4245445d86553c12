import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 32 random bytes, prefixed so leaked tokens are easy to recognise and scan for. */
export function newToken(): string {
  return `aic_${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored; a stolen database does not yield usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
