/**
 * The demo school's campaigns, with codes known in advance (README, "Using the demo"; printed by `npm start`), so
 * that every student path can be tried at once: an assessment over several competences with multiple sendings
 * (retries), a single-competence assessment, and a profiles collection. Target skills come from the content pack
 * the relay ships; without a pack there is nothing to target and no campaign is seeded.
 */
import { targetSkillIds } from '../../src/core/campaign/target-profile.ts';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import type { CompetenceId } from '../../src/core/referential.ts';
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import type { Store } from '../store/store.ts';

export interface DemoCampaign {
  id: string;
  code: string;
  name: string;
  type: CampaignDocument['type'];
  title: string;
  landingText: string;
  multipleSendings: boolean;
  /** Whole competences tested (none for a profiles collection). */
  competenceIds: readonly CompetenceId[];
}

export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    id: 'demo-campaign-rentree',
    code: 'RENTRE234',
    name: 'Diagnostic de rentrée – 2NDE A',
    type: 'ASSESSMENT',
    title: 'Diagnostic de rentrée',
    landingText:
      'Bienvenue en seconde !\n\nCe parcours porte sur **la recherche d\'information** et **la sécurité numérique**. ' +
      'Il s\'adapte à vos réponses : prenez votre temps. Vous pourrez le repasser quatre jours après avoir envoyé vos résultats.',
    multipleSendings: true,
    competenceIds: ['1.1', '4.1'],
  },
  {
    id: 'demo-campaign-interagir',
    code: 'ECHANG345',
    name: 'Interagir en ligne – 2NDE A',
    type: 'ASSESSMENT',
    title: 'Interagir en ligne',
    landingText: 'Un parcours court sur la compétence **2.1 Interagir** : messageries, réseaux et bons usages.',
    multipleSendings: false,
    competenceIds: ['2.1'],
  },
  {
    id: 'demo-campaign-profils',
    code: 'PARTAG789',
    name: 'Partage des profils Pix – 2NDE A',
    type: 'PROFILES_COLLECTION',
    title: 'Partagez votre profil',
    landingText: 'Envoyez à votre enseignant les niveaux de votre profil, compétence par compétence.',
    multipleSendings: true,
    competenceIds: [],
  },
];

export async function seedDemoCampaigns(store: Store, organizationId: string, pack: ContentPack | null, now: number): Promise<number> {
  if (!pack) return 0;
  const index = buildPackIndex(pack);
  const bodies = DEMO_CAMPAIGNS.map((campaign): Omit<CampaignDocument, 'updatedAt'> => ({
    id: campaign.id,
    organizationId,
    code: campaign.code,
    name: campaign.name,
    type: campaign.type,
    title: campaign.title,
    landingText: campaign.landingText,
    targetSkillIds: campaign.competenceIds.flatMap((competenceId) => targetSkillIds(index, { kind: 'competence', competenceId })),
    multipleSendings: campaign.multipleSendings,
    archivedAt: null,
    _deleted: false,
  }));
  const { written } = await store.writeDocuments({
    collection: 'campaigns',
    organizationId,
    ids: bodies.map((b) => b.id),
    now,
    decide: () => ({ writes: bodies.map((body) => ({ id: body.id, learnerId: null, deleted: false, body: { ...body } })), conflicts: [] }),
  });
  return written.length;
}
