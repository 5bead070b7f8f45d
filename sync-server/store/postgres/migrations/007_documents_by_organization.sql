-- [STORE-SCOPE-1] Document ids are scoped by organisation: the same id in two organisations names two documents, so
-- a push can never meet, and no answer can ever reveal, another organisation's document. Lab machines draw their
-- ids themselves: with one key across every school, a school that learnt another's id could probe or collide with
-- it. The organisation leads the key: every lookup by id is made within one organisation.
ALTER TABLE documents DROP CONSTRAINT documents_pkey;
ALTER TABLE documents ADD PRIMARY KEY (organization_id, collection, id);
-- A test's answers, within its organisation (recomputation, [STORE-SCOPE-1]).
DROP INDEX documents_by_parent;
CREATE INDEX documents_by_parent ON documents (organization_id, collection, parent_id);

-- [STORE-SCOPE-2] Results follow their assessment: keyed by organisation and assessment id.
ALTER TABLE assessment_results DROP CONSTRAINT assessment_results_pkey;
ALTER TABLE assessment_results ADD PRIMARY KEY (organization_id, assessment_id);
