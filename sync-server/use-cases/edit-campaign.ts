/**
 * "Modifier" and "Archiver" ([CAMPAIGNS-4], [CAMPAIGNS-5]). Texts can change at any time; what decides how a test
 * runs and is scored — multiple sendings, the target profile and the content pack — is frozen as soon as someone
 * took part, so every participant is measured against the same thing. The edited document replicates to the lab
 * machines like any campaign.
 */
import type { Caller } from '../auth/caller.ts';
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import { stableStringify } from '../../src/core/sync/merge.ts';
import { assertMayManage, findCampaign } from '../campaigns/campaign-access.ts';
import { chosenContent } from '../campaigns/campaign-content.ts';
import { resolveTarget, toTargetProfile } from '../campaigns/campaign-target.ts';
import type { TargetInput } from '../campaigns/campaign-target.ts';
import { campaignView, hasParticipants } from '../campaigns/campaign-view.ts';
import type { CampaignView } from '../campaigns/campaign-view.ts';
import { HttpError } from '../http-error.ts';
import { checkTexts, writeCampaign } from './campaigns.ts';
import type { CampaignDeps } from './campaigns.ts';

export interface CampaignChanges {
  name?: string;
  title?: string;
  landingText?: string;
  externalIdLabel?: string | null;
  multipleSendings?: boolean;
  target?: TargetInput;
  contentVersion?: string | null;
}

type Staff = Extract<Caller, { kind: 'user' }>;

function frozen(what: string): HttpError {
  return new HttpError(409, 'campaign_started', `Des élèves ont déjà participé à cette campagne : ${what} ne peut plus être modifié.`);
}

export async function editCampaign(deps: CampaignDeps, caller: Staff, campaignId: string, changes: CampaignChanges, now: number): Promise<CampaignView> {
  const { store } = deps;
  const organizationId = caller.organizationId;
  const campaign = await findCampaign(store, organizationId, campaignId);
  assertMayManage(caller, campaign);
  if (campaign.archivedAt !== null) throw new HttpError(409, 'campaign_archived', 'Cette campagne est archivée : désarchivez-la pour la modifier.');
  checkTexts(changes);
  const next: CampaignDocument = { ...campaign };
  if (changes.name !== undefined) next.name = changes.name.trim();
  if (changes.title !== undefined) next.title = changes.title.trim();
  if (changes.landingText !== undefined) next.landingText = changes.landingText;
  if (changes.externalIdLabel !== undefined) {
    const label = changes.externalIdLabel?.trim();
    if (label) next.externalIdLabel = label;
    else delete next.externalIdLabel;
  }
  const started = await hasParticipants(store, organizationId, campaignId);
  if (changes.multipleSendings !== undefined && changes.multipleSendings !== campaign.multipleSendings) {
    if (started) throw frozen("l'envoi multiple");
    next.multipleSendings = changes.multipleSendings;
  }
  const versionChanges = changes.contentVersion !== undefined && (changes.contentVersion ?? undefined) !== campaign.contentVersion;
  const targetChanges = changes.target !== undefined && stableStringify(toTargetProfile(changes.target)) !== stableStringify(campaign.targetProfile);
  if ((versionChanges || targetChanges) && campaign.type === 'ASSESSMENT') {
    if (started) throw frozen(versionChanges ? 'le paquet de contenu' : 'le profil cible');
    const version = changes.contentVersion !== undefined ? changes.contentVersion : (campaign.contentVersion ?? null);
    const { content, version: kept } = await chosenContent(store, deps.library, organizationId, version);
    const target = resolveTarget(content.index, campaign.type, changes.target ?? targetInputOf(campaign));
    next.targetSkillIds = target.targetSkillIds;
    if (target.targetProfile) next.targetProfile = target.targetProfile;
    if (kept !== undefined) next.contentVersion = kept;
    else delete next.contentVersion;
  }
  const { updatedAt: _updatedAt, ...body } = next;
  return campaignView(store, organizationId, await writeCampaign(store, organizationId, body, now));
}

function targetInputOf(campaign: CampaignDocument): TargetInput | undefined {
  const profile = campaign.targetProfile;
  if (!profile) return undefined;
  return profile.kind === 'competences' ? { competenceIds: profile.ids } : { tubeIds: profile.ids };
}

/** "Archiver": students can no longer start it ([CAMPAIGNS-5]); followed and exported as before. Idempotent. */
export async function setArchived(deps: CampaignDeps, caller: Staff, campaignId: string, archived: boolean, now: number): Promise<CampaignView> {
  const { store } = deps;
  const campaign = await findCampaign(store, caller.organizationId, campaignId);
  assertMayManage(caller, campaign);
  if ((campaign.archivedAt !== null) === archived) return campaignView(store, caller.organizationId, campaign);
  const { updatedAt: _updatedAt, ...body } = campaign;
  return campaignView(store, caller.organizationId, await writeCampaign(store, caller.organizationId, { ...body, archivedAt: archived ? now : null }, now));
}
