import type Database from 'better-sqlite3';

/** Schema migrations, in order; PRAGMA user_version records how many have run. Never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscribers (
     id INTEGER PRIMARY KEY,
     email TEXT NOT NULL UNIQUE COLLATE NOCASE,
     name TEXT,
     status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'unsubscribed', 'bounced')),
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX subscribers_status ON subscribers (status, id);
   CREATE TABLE editions (
     id TEXT PRIMARY KEY,
     slot TEXT UNIQUE,
     status TEXT NOT NULL CHECK (status IN ('sending', 'done', 'paused')),
     subject TEXT NOT NULL,
     payload TEXT NOT NULL,
     created_at TEXT NOT NULL,
     finished_at TEXT
   );
   CREATE TABLE deliveries (
     edition_id TEXT NOT NULL REFERENCES editions (id),
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
     status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     message_id TEXT NOT NULL,
     last_error TEXT,
     due_at INTEGER NOT NULL DEFAULT 0,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (edition_id, subscriber_id)
   ) WITHOUT ROWID;
   CREATE INDEX deliveries_due ON deliveries (edition_id, status, due_at);
   CREATE TABLE seen_articles (
     article_id TEXT PRIMARY KEY,
     edition_id TEXT NOT NULL,
     seen_at TEXT NOT NULL
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Run leases: one worker at a time runs editions on a database (see src/schedule/lease.ts).
  `CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );`,
  // Deliveries may be "skipped" (the subscriber left after enqueueing) and record sent_at.
  // SQLite cannot alter a CHECK constraint: the table is rebuilt, its rows copied.
  `CREATE TABLE deliveries_v2 (
     edition_id TEXT NOT NULL REFERENCES editions (id),
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
     status TEXT NOT NULL DEFAULT 'queued'
       CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
     attempts INTEGER NOT NULL DEFAULT 0,
     message_id TEXT NOT NULL,
     last_error TEXT,
     due_at INTEGER NOT NULL DEFAULT 0,
     updated_at TEXT NOT NULL,
     sent_at TEXT,
     PRIMARY KEY (edition_id, subscriber_id)
   ) WITHOUT ROWID;
   INSERT INTO deliveries_v2
     (edition_id, subscriber_id, status, attempts, message_id, last_error, due_at, updated_at)
     SELECT edition_id, subscriber_id, status, attempts, message_id, last_error, due_at, updated_at
     FROM deliveries;
   DROP TABLE deliveries;
   ALTER TABLE deliveries_v2 RENAME TO deliveries;
   CREATE INDEX deliveries_due ON deliveries (edition_id, status, due_at);`,
  // The last response of each source URL: validators for conditional requests, and the body
  // so a 304 can be read again (see src/ingest/remote.ts).
  `CREATE TABLE fetch_records (
     url TEXT PRIMARY KEY,
     final_url TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     content_type TEXT NOT NULL,
     body TEXT NOT NULL,
     fetched_at TEXT NOT NULL
   );`,
];

/** Runs the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
