-- What each lab machine last reported about itself (sync-server/SPEC.md [DEVICE-STATUS-1]): answers it has not
-- sent yet, documents the relay refused and the machine set aside (JSON list), its content and app versions. One
-- row per machine, replaced by each report; the "Postes" screen reads it.
CREATE TABLE device_statuses (
  device_id TEXT PRIMARY KEY REFERENCES devices(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  pending_answers INTEGER NOT NULL,
  refused_count INTEGER NOT NULL,
  refused_documents TEXT NOT NULL,
  content_version TEXT,
  app_version TEXT NOT NULL,
  reported_at BIGINT NOT NULL
);
CREATE INDEX device_statuses_by_organization ON device_statuses (organization_id);
