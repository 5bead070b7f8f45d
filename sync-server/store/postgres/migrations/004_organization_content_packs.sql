-- Content packs an organisation's admin imported (a JSON pack or a simple CSV). The body is kept once, by
-- version, in content_packs (versions are content hashes: two schools importing the same pack share it); this
-- table says which organisation may use which version.
CREATE TABLE organization_content_packs (
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  version TEXT NOT NULL REFERENCES content_packs(version),
  name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('json', 'csv')),
  challenge_count INTEGER NOT NULL,
  imported_by TEXT NOT NULL REFERENCES users(id),
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (organization_id, version)
);
