-- Replicated documents. `seq` comes from one database sequence; writers of one organisation are serialised by a
-- transaction-scoped advisory lock taken before drawing sequences, so within an organisation commit order is seq
-- order and a pull (always scoped to one organisation) can never skip a row committed later with a lower seq.
CREATE SEQUENCE document_seq AS BIGINT;
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  learner_id TEXT,
  seq BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  body TEXT NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX documents_by_seq ON documents (seq);
CREATE INDEX documents_pull ON documents (collection, organization_id, seq);
CREATE INDEX documents_pull_learner ON documents (collection, learner_id, seq);
