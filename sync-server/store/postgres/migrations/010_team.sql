-- The team ("Équipe", sync-server/SPEC.md [TEAM-1] … [TEAM-6]). A removed member keeps their row, because devices,
-- imports and packs name who made them; `removed_at` ends their sign-in and their address is freed (the store
-- rewrites it, since the inline UNIQUE on users.email cannot be made partial without rebuilding a referenced table).
ALTER TABLE users ADD COLUMN removed_at BIGINT;
CREATE INDEX users_by_organization ON users (organization_id);

-- Invitations work on a school LAN without e-mail: a single-use code, shown once to the admin who copies the link.
-- Only the code's SHA-256 is kept, so a copy of the database accepts nothing.
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'invigilator')),
  code_hash TEXT NOT NULL UNIQUE,
  invited_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  accepted_at BIGINT,
  accepted_by TEXT REFERENCES users(id),
  cancelled_at BIGINT
);
CREATE INDEX invitations_by_organization ON invitations (organization_id, created_at);
