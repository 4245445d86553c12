/** Who a request acts as: the admin (every project) or one project's token. */
export interface Principal {
  admin: boolean;
  project: string | null;
  /** Short, non-secret identity for rate limiting and logs. */
  id: string;
}
