-- [STORE-SCOPE-1] Document ids are scoped by organisation: the same id in two organisations names two documents, so
-- a push can never meet, and no answer can ever reveal, another organisation's document. Lab machines draw their
-- ids themselves: with one key across every school, a school that learnt another's id could probe or collide with
-- it. SQLite cannot change a primary key in place: the tables are rebuilt, every row kept (same seq and body).
CREATE TABLE documents_v7 (
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  learner_id TEXT,
  parent_id TEXT,
  seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  PRIMARY KEY (organization_id, collection, id)
);
INSERT INTO documents_v7 (organization_id, collection, id, learner_id, parent_id, seq, updated_at, deleted, body)
  SELECT organization_id, collection, id, learner_id, parent_id, seq, updated_at, deleted, body FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v7 RENAME TO documents;
CREATE UNIQUE INDEX documents_by_seq ON documents (seq);
CREATE INDEX documents_pull ON documents (collection, organization_id, seq);
CREATE INDEX documents_pull_learner ON documents (collection, learner_id, seq);
-- A test's answers, within its organisation (recomputation, [STORE-SCOPE-1]).
CREATE INDEX documents_by_parent ON documents (organization_id, collection, parent_id);

-- [STORE-SCOPE-2] Results follow their assessment: keyed by organisation and assessment id.
CREATE TABLE assessment_results_v7 (
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  assessment_id TEXT NOT NULL,
  learner_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  campaign_id TEXT,
  content_version TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (organization_id, assessment_id)
);
INSERT INTO assessment_results_v7 (organization_id, assessment_id, learner_id, kind, campaign_id, content_version, computed_at, body)
  SELECT organization_id, assessment_id, learner_id, kind, campaign_id, content_version, computed_at, body FROM assessment_results;
DROP TABLE assessment_results;
ALTER TABLE assessment_results_v7 RENAME TO assessment_results;
CREATE INDEX assessment_results_by_campaign ON assessment_results (organization_id, campaign_id);
