-- An answer's assessment (and any document's parent), so a test's answers load by index.
ALTER TABLE documents ADD COLUMN parent_id TEXT;
CREATE INDEX documents_by_parent ON documents (collection, parent_id);

-- Results recomputed by the relay from the answers with src/core: never taken from clients.
CREATE TABLE assessment_results (
  assessment_id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  learner_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  campaign_id TEXT,
  content_version TEXT NOT NULL,
  computed_at BIGINT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX assessment_results_by_campaign ON assessment_results (organization_id, campaign_id);

-- Every content pack this relay has served, so a test is always scored with the pack it was taken on.
CREATE TABLE content_packs (
  version TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  stored_at BIGINT NOT NULL
);
