-- Students get tokens of their own (to see their own work), and may sign in with a personal code instead of
-- their birth date. SQLite cannot change a CHECK constraint in place: the tokens table is rebuilt.
CREATE TABLE auth_tokens_v5 (
  token_hash TEXT PRIMARY KEY,
  subject_type TEXT NOT NULL CHECK (subject_type IN ('user', 'device', 'learner')),
  subject_id TEXT NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
INSERT INTO auth_tokens_v5 SELECT token_hash, subject_type, subject_id, organization_id, created_at, expires_at FROM auth_tokens;
DROP TABLE auth_tokens;
ALTER TABLE auth_tokens_v5 RENAME TO auth_tokens;

-- A personal code is never stored: `digest` (SHA-256 of organisation and code) finds the learner when they sign
-- in online; `hash` (PBKDF2 with the learner's salt) goes to lab machines to check it offline.
CREATE TABLE learner_personal_codes (
  learner_id TEXT PRIMARY KEY REFERENCES learners(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  digest TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (organization_id, digest)
);
