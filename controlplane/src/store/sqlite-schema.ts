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
  // Creates write as few pages as possible: every table is one b-tree keyed by what is looked up
  // (no rowid plus a second index), and ids start with their creation time so new rows append.
  // Holdings are one row per owner and server with a mask of accelerators; endpoints' rows sit
  // inside their cluster's and are found through the partial index.
  `
  CREATE TABLE resources_v2 (
    kind TEXT NOT NULL,
    project TEXT NOT NULL,
    name TEXT NOT NULL,
    id TEXT NOT NULL,
    resource_version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    secret TEXT,
    PRIMARY KEY (kind, project, name)
  ) WITHOUT ROWID;
  INSERT INTO resources_v2 (kind, project, name, id, resource_version, doc, secret)
    SELECT kind, project, name, id, resource_version, doc, secret FROM resources;
  DROP TABLE resources;
  ALTER TABLE resources_v2 RENAME TO resources;

  CREATE TABLE operations_v2 (
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
  ) WITHOUT ROWID;
  INSERT INTO operations_v2 SELECT id, project, type, kind, name, resource_id, status, error, failure, created_at, due_at, done_at FROM operations;
  DROP TABLE operations;
  ALTER TABLE operations_v2 RENAME TO operations;
  CREATE INDEX operations_running ON operations (due_at) WHERE status = 'running';
  CREATE INDEX operations_resource ON operations (resource_id) WHERE status = 'running';

  CREATE TABLE holdings (
    owner TEXT NOT NULL,
    server TEXT NOT NULL,
    project TEXT NOT NULL,
    parent_owner TEXT,
    mask INTEGER NOT NULL,
    PRIMARY KEY (owner, server)
  ) WITHOUT ROWID;
  CREATE INDEX holdings_parent ON holdings (parent_owner) WHERE parent_owner IS NOT NULL;
  INSERT INTO holdings (owner, server, project, parent_owner, mask)
    SELECT owner, zone || '/' || server, project, NULL,
           sum(1 << CAST(substr(accelerator, length(zone) + length(server) + 3) AS INTEGER))
    FROM allocations GROUP BY owner, zone, server;
  DROP TABLE allocations;
  `,
  // Partition instances (MIG, vNPU) an owner holds on a server, as JSON; NULL on whole-accelerator rows.
  `
  ALTER TABLE holdings ADD COLUMN slices TEXT;
  `,
  // Resources by id (PostgreSQL has had this index from the start): every admission pass looks up the
  // document of each request it decides on, which without it scans the table once per request.
  `
  CREATE INDEX resources_id ON resources (id);
  `,
  // Capacity leases: the lease document, with the columns that expiry and listings read.
  `
  CREATE TABLE leases (
    id TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    status TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    doc TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX leases_project ON leases (project);
  CREATE INDEX leases_active ON leases (expires_at) WHERE status = 'active';
  `,
];
