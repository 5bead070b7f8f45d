/**
 * A campaign as the teacher's pages show it: the replicated document (what lab machines hold) plus what only staff
 * read: its creator's name, how many took part and sent results, the name of the imported pack it runs on.
 */
import { currentParticipations } from '../../src/core/campaign/participation-status.ts';
import type { AssessmentDocument, CampaignDocument } from '../../src/core/sync/documents.ts';
import type { Store } from '../store/store.ts';
import { campaignAssessments } from './campaign-participations.ts';

export interface CampaignView extends CampaignDocument {
  owner: { id: string; firstName: string; lastName: string } | null;
  /** Learners with a participation, each once ([FOLLOW-2]). */
  participantCount: number;
  /** Learners whose current participation is sent ("Résultats reçus"). */
  sharedCount: number;
  /** Name of the imported pack it runs on; null for the built-in pack. */
  contentPackName: string | null;
}

export async function campaignViews(store: Store, organizationId: string, campaigns: readonly CampaignDocument[]): Promise<CampaignView[]> {
  const ownerIds = [...new Set(campaigns.map((c) => c.ownerId).filter((id): id is string => id !== undefined))];
  const owners = new Map<string, CampaignView['owner']>();
  for (const id of ownerIds) {
    const user = await store.getUser(id);
    if (user && user.organizationId === organizationId) owners.set(id, { id: user.id, firstName: user.firstName, lastName: user.lastName });
  }
  const packs = new Map((await store.listOrganizationContentPacks(organizationId)).map((p) => [p.version, p.name]));
  const byCampaign = new Map<string, AssessmentDocument[]>();
  const stored = campaigns.length === 0 ? [] : await store.getChildDocuments(organizationId, 'assessments', campaigns.map((c) => c.id));
  for (const doc of stored) {
    const assessment = doc.body as unknown as AssessmentDocument;
    if (doc.deleted || assessment.kind !== 'campaign' || assessment.campaignId === null) continue;
    byCampaign.set(assessment.campaignId, [...(byCampaign.get(assessment.campaignId) ?? []), assessment]);
  }
  return campaigns.map((campaign) => {
    const current = currentParticipations(byCampaign.get(campaign.id) ?? []);
    return {
      ...campaign,
      owner: (campaign.ownerId !== undefined ? owners.get(campaign.ownerId) : undefined) ?? null,
      participantCount: current.length,
      sharedCount: current.filter((a) => a.state === 'shared').length,
      contentPackName: campaign.contentVersion !== undefined ? (packs.get(campaign.contentVersion) ?? null) : null,
    };
  });
}

export async function campaignView(store: Store, organizationId: string, campaign: CampaignDocument): Promise<CampaignView> {
  const [view] = await campaignViews(store, organizationId, [campaign]);
  if (!view) throw new Error('a view for each campaign');
  return view;
}

/** [CAMPAIGNS-5] Someone took part: a participation of any learner, in any state, is held by the relay. */
export async function hasParticipants(store: Store, organizationId: string, campaignId: string): Promise<boolean> {
  return (await campaignAssessments(store, organizationId, campaignId)).length > 0;
}
