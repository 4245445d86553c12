/**
 * Tables of the PostgreSQL store, one entry per version; `schema_migrations` records which ran.
 * Same tables as the SQLite store's latest schema, plus what several instances share: the write
 * generation and the rate-limit buckets.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE projects (name TEXT PRIMARY KEY, created_at BIGINT NOT NULL);
  CREATE TABLE tokens (hash TEXT PRIMARY KEY, project TEXT, admin BOOLEAN NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE resources (
    kind TEXT NOT NULL,
    project TEXT NOT NULL,
    name TEXT NOT NULL,
    id TEXT NOT NULL,
    resource_version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    secret TEXT,
    PRIMARY KEY (kind, project, name)
  );
  CREATE INDEX resources_id ON resources (id);
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
    created_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    done_at BIGINT
  );
  CREATE INDEX operations_running ON operations (due_at) WHERE status = 'running';
  CREATE INDEX operations_resource ON operations (resource_id) WHERE status = 'running';
  CREATE TABLE holdings (
    owner TEXT NOT NULL,
    server TEXT NOT NULL,
    project TEXT NOT NULL,
    parent_owner TEXT,
    mask BIGINT NOT NULL,
    PRIMARY KEY (owner, server)
  );
  CREATE INDEX holdings_parent ON holdings (parent_owner) WHERE parent_owner IS NOT NULL;
  CREATE TABLE idempotency (
    project TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (project, key)
  );
  CREATE TABLE locks (
    project TEXT NOT NULL,
    stack TEXT NOT NULL,
    holder TEXT NOT NULL,
    since BIGINT NOT NULL,
    expires_at BIGINT,
    PRIMARY KEY (project, stack)
  );
  CREATE TABLE quotas (
    project TEXT NOT NULL,
    accelerator_type TEXT NOT NULL,
    quota_limit INTEGER NOT NULL,
    PRIMARY KEY (project, accelerator_type)
  );
  CREATE TABLE health_marks (target TEXT PRIMARY KEY, type TEXT NOT NULL, reason TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- Bumped by every write transaction: an instance that sees a value it did not write reloads its caches.
  CREATE TABLE write_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL);
  INSERT INTO write_generation VALUES (1, 0);
  -- Token buckets of the rate limit, shared by every instance.
  CREATE TABLE rate_buckets (caller TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at BIGINT NOT NULL, passed BOOLEAN NOT NULL);
  `,
  // Partition instances (MIG, vNPU) an owner holds on a server, as JSON; NULL on whole-accelerator rows.
  `
  ALTER TABLE holdings ADD COLUMN slices TEXT;
  `,
  // Capacity leases: the lease document, with the columns that expiry and listings read.
  `
  CREATE TABLE leases (
    id TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    status TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX leases_project ON leases (project);
  CREATE INDEX leases_active ON leases (expires_at) WHERE status = 'active';
  `,
  // The change feed: what each write transaction touched, so other instances re-read only that. Rows
  // older than the retention are pruned; the horizon is the newest transaction id pruned, so a reader
  // whose cursor is older knows it missed rows and reloads in full.
  `
  CREATE TABLE changes (
    seq BIGSERIAL PRIMARY KEY,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    servers TEXT[] NOT NULL,
    scopes TEXT[] NOT NULL,
    -- What it was decided on (supernodes, zones, quotas, owners, settings): a writer that claimed one
    -- of these without having seen this row decided on stale memory and runs again.
    claims TEXT[] NOT NULL DEFAULT '{}',
    at BIGINT NOT NULL DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint
  );
  CREATE INDEX changes_txid ON changes (txid);
  CREATE INDEX changes_at ON changes (at);
  CREATE TABLE changes_horizon (id INTEGER PRIMARY KEY CHECK (id = 1), xid xid8 NOT NULL);
  INSERT INTO changes_horizon VALUES (1, '0');
  CREATE INDEX holdings_server ON holdings (server);
  `,
];
