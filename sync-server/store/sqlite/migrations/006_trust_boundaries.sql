-- Lab machines: when each last called (the "Postes" screen) and whether a teacher withdrew it. A withdrawn
-- machine keeps its record, because answers name the machine they came from; its tokens are deleted.
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
ALTER TABLE devices ADD COLUMN withdrawn_at INTEGER;
CREATE INDEX devices_by_organization ON devices (organization_id, created_at);
-- Withdrawing a machine deletes every token of it.
CREATE INDEX auth_tokens_by_subject ON auth_tokens (subject_type, subject_id);

-- Failed relay sign-ins per learner: a few lock that learner's relay sign-in for a while (sync-server/SPEC.md
-- [AUTH-4]). Kept in the database so that a restart or another relay instance does not hand out fresh guesses.
CREATE TABLE learner_sign_in_failures (
  learner_id TEXT PRIMARY KEY REFERENCES learners(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL
);

-- A school may require personal codes for students signing in on the relay ([AUTH-8], ADR 0004).
ALTER TABLE organizations ADD COLUMN learner_sign_in TEXT NOT NULL DEFAULT 'birth-date-or-code'
  CHECK (learner_sign_in IN ('birth-date-or-code', 'personal-code-only'));
