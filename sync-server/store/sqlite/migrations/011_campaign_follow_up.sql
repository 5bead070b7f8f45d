-- Campaign follow-up (issue 10). [STORE-CAMPAIGN-1] A campaign participation (an assessment of kind 'campaign')
-- names its campaign as its parent, so the teacher's pages load a campaign's participations by index
-- (documents_by_parent) instead of reading every test of the school. Written so by pushes from now on; here for
-- the tests already stored.
UPDATE documents SET parent_id = json_extract(body, '$.campaignId')
  WHERE collection = 'assessments' AND parent_id IS NULL AND json_extract(body, '$.campaignId') IS NOT NULL;

-- [STORE-CAMPAIGN-2] A pack is built in (shipped with the relay: any school's tests may be scored with it) or imported
-- by schools (only their own tests may use it). Until now every stored pack without an importing school was a
-- shipped one.
ALTER TABLE content_packs ADD COLUMN builtin INTEGER NOT NULL DEFAULT 0;
UPDATE content_packs SET builtin = 1 WHERE version NOT IN (SELECT version FROM organization_content_packs);
