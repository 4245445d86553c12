/** Tables of the SQLite store; `user_version` tracks which migration ran last. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE projects (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
  CREATE TABLE tokens (hash TEXT PRIMARY KEY, project TEXT, admin INTEGER NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE resources (
    id TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    resource_version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    secret TEXT,
    -- Serves reads by name, pages of a collection, and (by its kind prefix) the global bucket-name check.
    UNIQUE (kind, project, name)
  );
  CREATE TABLE operations (
    id TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    failure TEXT,
    created_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    done_at INTEGER
  );
  CREATE INDEX operations_running ON operations (due_at) WHERE status = 'running';
  CREATE INDEX operations_resource ON operations (resource_id) WHERE status = 'running';
  CREATE TABLE allocations (
    accelerator TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    project TEXT NOT NULL,
    accelerator_type TEXT NOT NULL,
    zone TEXT NOT NULL,
    supernode TEXT,
    server TEXT NOT NULL
  );
  CREATE INDEX allocations_owner ON allocations (owner);
  CREATE TABLE idempotency (
    project TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (project, key)
  );
  CREATE TABLE locks (
    project TEXT NOT NULL,
    stack TEXT NOT NULL,
    holder TEXT NOT NULL,
    since INTEGER NOT NULL,
    expires_at INTEGER,
    PRIMARY KEY (project, stack)
  );
  CREATE TABLE quotas (
    project TEXT NOT NULL,
    accelerator_type TEXT NOT NULL,
    quota_limit INTEGER NOT NULL,
    PRIMARY KEY (project, accelerator_type)
  );
  CREATE TABLE health_marks (target TEXT PRIMARY KEY, type TEXT NOT NULL, reason TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
];
