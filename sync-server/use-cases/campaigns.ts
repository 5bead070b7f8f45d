/**
 * Campaigns of an organisation: created by a teacher, replicated to lab machines (the `campaigns` collection), so
 * students can start them offline by their code.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { generateCampaignCode } from '../../src/core/campaign-code.ts';
import { targetSkillIds } from '../../src/core/campaign/target-profile.ts';
import type { CompetenceId } from '../../src/core/referential.ts';
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';

export interface CampaignInput {
  name: string;
  type: CampaignDocument['type'];
  title: string;
  landingText: string;
  multipleSendings: boolean;
  /** What is tested: whole competences, or tubes across competences. */
  target: { competenceIds: string[] } | { tubeIds: string[] };
}

const UNIFORM_DRAW_RANGE = 1_000_000;

export async function createCampaign(store: Store, library: ContentLibrary, organizationId: string, input: CampaignInput, now: number): Promise<CampaignDocument> {
  const pack = library.current;
  if (!pack) throw new HttpError(503, 'content_unavailable', "Aucun paquet de contenu n'est installé sur ce relais.");
  const index = buildPackIndex(pack);
  const tubeIds =
    'competenceIds' in input.target
      ? input.target.competenceIds.flatMap((id) => (index.tubesByCompetence.get(id as CompetenceId) ?? []).map((t) => t.id))
      : input.target.tubeIds;
  const skills = input.type === 'PROFILES_COLLECTION' ? [] : targetSkillIds(index, { kind: 'tubes', tubes: tubeIds.map((tubeId) => ({ tubeId })) });
  if (input.type === 'ASSESSMENT' && skills.length === 0) {
    throw new HttpError(400, 'bad_request', 'Requête invalide : le profil cible ne contient aucun acquis de ce référentiel.');
  }
  const existing = new Set((await store.pullDocuments({ collection: 'campaigns', organizationId, afterSeq: 0, limit: 100_000 })).map((d) => String(d.body.code)));
  const draw = (): string => generateCampaignCode(() => randomInt(UNIFORM_DRAW_RANGE) / UNIFORM_DRAW_RANGE);
  let code = draw();
  while (existing.has(code)) code = draw();
  const id = randomUUID();
  const body: Omit<CampaignDocument, 'updatedAt'> = {
    id,
    organizationId,
    code,
    name: input.name.trim(),
    type: input.type,
    title: input.title.trim(),
    landingText: input.landingText,
    targetSkillIds: skills,
    multipleSendings: input.multipleSendings,
    archivedAt: null,
    _deleted: false,
  };
  const { written } = await store.writeDocuments({
    collection: 'campaigns',
    organizationId,
    ids: [id],
    now,
    decide: () => ({ writes: [{ id, learnerId: null, deleted: false, body: { ...body } }], conflicts: [] }),
  });
  return written[0]?.body as unknown as CampaignDocument;
}

export async function listCampaigns(store: Store, organizationId: string): Promise<CampaignDocument[]> {
  const docs = await store.pullDocuments({ collection: 'campaigns', organizationId, afterSeq: 0, limit: 100_000 });
  return docs.filter((d) => !d.deleted).map((d) => d.body as unknown as CampaignDocument);
}
