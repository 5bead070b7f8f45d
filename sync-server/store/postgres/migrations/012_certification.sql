-- Certification (src/core/certification/SPEC.md [CERT-1] … [CERT-13]). Sessions and candidates replicate as
-- `certification-sessions` documents; what must not reach lab machines, or must be found across schools, is here.

-- A session's private part: the invigilator password is shown to staff only; the access code is unique across the
-- relay, because a lab machine's join names no session.
CREATE TABLE certification_session_secrets (
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  session_id TEXT NOT NULL,
  access_code TEXT NOT NULL UNIQUE,
  invigilator_password TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (organization_id, session_id)
);

-- Results computed by the relay at finalisation; a scored candidate's verification code is unique (the public
-- verification page finds an attestation by it, whatever its school).
CREATE TABLE certification_results (
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  session_id TEXT NOT NULL,
  candidate_id TEXT NOT NULL,
  learner_id TEXT NOT NULL,
  verification_code TEXT UNIQUE,
  body TEXT NOT NULL,
  computed_at BIGINT NOT NULL,
  PRIMARY KEY (organization_id, session_id, candidate_id)
);
