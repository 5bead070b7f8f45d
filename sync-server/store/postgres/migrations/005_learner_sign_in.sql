-- Students get tokens of their own (to see their own work), and may sign in with a personal code instead of
-- their birth date.
ALTER TABLE auth_tokens DROP CONSTRAINT auth_tokens_subject_type_check;
ALTER TABLE auth_tokens ADD CONSTRAINT auth_tokens_subject_type_check CHECK (subject_type IN ('user', 'device', 'learner'));

-- A personal code is never stored: `digest` (SHA-256 of organisation and code) finds the learner when they sign
-- in online; `hash` (PBKDF2 with the learner's salt) goes to lab machines to check it offline.
CREATE TABLE learner_personal_codes (
  learner_id TEXT PRIMARY KEY REFERENCES learners(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  digest TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (organization_id, digest)
);
