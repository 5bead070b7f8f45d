-- Replicated documents. `seq` is the server's order: assigned inside the write transaction from one counter,
-- so a pull by sequence never skips a committed write (SQLite has one writer at a time).
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  learner_id TEXT,
  seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX documents_by_seq ON documents (seq);
CREATE INDEX documents_pull ON documents (collection, organization_id, seq);
CREATE INDEX documents_pull_learner ON documents (collection, learner_id, seq);

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('document_seq', 0);
