import type { ApiClient } from './api-client.ts';

/** Every item of a collection, following page tokens; `undefined` when the API has no such collection (404). */
export async function listCollection<T>(api: ApiClient, collection: string): Promise<T[] | undefined> {
  const items: T[] = [];
  let token: string | null = null;
  do {
    const q: string = `?pageSize=500${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    let page: { items: T[]; nextPageToken: string | null };
    try {
      page = await api.get(api.projectPath(`/${collection}${q}`));
    } catch (e) {
      if ((e as { status?: number }).status === 404 && items.length === 0) return undefined;
      throw e;
    }
    items.push(...page.items);
    token = page.nextPageToken;
  } while (token);
  return items;
}
