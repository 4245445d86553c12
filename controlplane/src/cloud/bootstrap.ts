import { hashToken, newToken } from './tokens.ts';
import type { Store } from '../store/index.ts';

/**
 * First start: project `default` and an admin token. A token given by the operator
 * (AICLOUD_BOOTSTRAP_TOKEN) is registered on every start, so it keeps working after a restart.
 * Returns the admin token when this start created or was given one, undefined otherwise.
 */
export async function bootstrap(store: Store, now: number, given: string | undefined): Promise<string | undefined> {
  return store.transaction(async () => {
    await store.putProject('default', now);
    if (given) {
      await store.putToken({ hash: hashToken(given), project: null, admin: true, createdAt: now });
      return given;
    }
    if ((await store.countTokens()) > 0) return undefined;
    const token = newToken();
    await store.putToken({ hash: hashToken(token), project: null, admin: true, createdAt: now });
    return token;
  });
}
