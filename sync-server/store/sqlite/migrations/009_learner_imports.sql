-- Student list imports ("Importer la liste"): a re-import matches learners by national id within the school, and
-- each import is recorded (who, when, which file, what it changed) in the same transaction as its learners.
CREATE INDEX learners_by_national_id ON learners (organization_id, national_id);
CREATE TABLE learner_imports (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  -- Not a foreign key: removing a member from the team must not be blocked by the imports they made.
  imported_by TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  disabled INTEGER NOT NULL,
  skipped INTEGER NOT NULL
);
CREATE INDEX learner_imports_by_organization ON learner_imports (organization_id, imported_at);
