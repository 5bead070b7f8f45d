/**
 * Campaigns of an organisation ([CAMPAIGNS-1] … [CAMPAIGNS-3]): created by a teacher, replicated to lab machines (the
 * `campaigns` collection), so students can start them offline by their code; listed with their creator, participants
 * and results received.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { generateCampaignCode } from '../../src/core/campaign-code.ts';
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import { findCampaign } from '../campaigns/campaign-access.ts';
import { chosenContent } from '../campaigns/campaign-content.ts';
import { resolveTarget } from '../campaigns/campaign-target.ts';
import type { TargetInput } from '../campaigns/campaign-target.ts';
import { campaignView, campaignViews } from '../campaigns/campaign-view.ts';
import type { CampaignView } from '../campaigns/campaign-view.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';

/** Longest landing text a teacher may write (DOMAIN.md). */
export const MAX_LANDING_TEXT = 5000;
export const MAX_CAMPAIGN_NAME = 255;

export interface CampaignInput {
  name: string;
  type: CampaignDocument['type'];
  title: string;
  landingText: string;
  multipleSendings: boolean;
  /** What is tested: whole competences, or tubes across competences (none for a profiles collection). */
  target?: TargetInput;
  /** The external id's label, or null/absent when none is asked. */
  externalIdLabel?: string | null;
  /** An imported pack's version, or null/absent for the built-in pack. */
  contentVersion?: string | null;
}

export interface CampaignDeps {
  store: Store;
  library: ContentLibrary;
}

const UNIFORM_DRAW_RANGE = 1_000_000;

function invalid(message: string): HttpError {
  return new HttpError(400, 'bad_request', `Requête invalide : ${message}`);
}

/** [CAMPAIGNS-2] Text fields: a name, a landing text within 5000 characters, a label that is not blank. */
export function checkTexts(input: { name?: string; title?: string; landingText?: string; externalIdLabel?: string | null }): void {
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > MAX_CAMPAIGN_NAME)) throw invalid(`le nom de la campagne est obligatoire (${MAX_CAMPAIGN_NAME} caractères au plus).`);
  if (input.title !== undefined && input.title.length > MAX_CAMPAIGN_NAME) throw invalid(`le titre du parcours compte ${MAX_CAMPAIGN_NAME} caractères au plus.`);
  if (input.landingText !== undefined && input.landingText.length > MAX_LANDING_TEXT) throw invalid(`le texte de la page d'accueil compte ${MAX_LANDING_TEXT} caractères au plus.`);
  if (typeof input.externalIdLabel === 'string' && input.externalIdLabel.trim() === '') throw invalid("le libellé de l'identifiant externe ne peut pas être vide.");
}

/** A code no campaign of the organisation has ([CAMPAIGNS-2]: 6 letters without I, L, O, then 3 digits 2–9). */
async function freshCode(store: Store, organizationId: string): Promise<string> {
  const existing = new Set((await store.pullDocuments({ collection: 'campaigns', organizationId, afterSeq: 0, limit: 100_000 })).map((d) => String(d.body.code)));
  const draw = (): string => generateCampaignCode(() => randomInt(UNIFORM_DRAW_RANGE) / UNIFORM_DRAW_RANGE);
  let code = draw();
  while (existing.has(code)) code = draw();
  return code;
}

export async function writeCampaign(store: Store, organizationId: string, body: Omit<CampaignDocument, 'updatedAt'>, now: number): Promise<CampaignDocument> {
  const { written } = await store.writeDocuments({
    collection: 'campaigns',
    organizationId,
    ids: [body.id],
    now,
    decide: () => ({ writes: [{ id: body.id, learnerId: null, deleted: false, body: { ...body } }], conflicts: [] }),
  });
  return written[0]?.body as unknown as CampaignDocument;
}

export async function createCampaign(deps: CampaignDeps, organizationId: string, ownerId: string, input: CampaignInput, now: number): Promise<CampaignView> {
  checkTexts(input);
  const { content, version } = await chosenContent(deps.store, deps.library, organizationId, input.contentVersion ?? null);
  const target = resolveTarget(content.index, input.type, input.target);
  const id = randomUUID();
  const label = input.externalIdLabel?.trim();
  const body: Omit<CampaignDocument, 'updatedAt'> = {
    id,
    organizationId,
    code: await freshCode(deps.store, organizationId),
    name: input.name.trim(),
    type: input.type,
    title: input.title.trim(),
    landingText: input.landingText,
    targetSkillIds: target.targetSkillIds,
    multipleSendings: input.multipleSendings,
    archivedAt: null,
    _deleted: false,
    ...(version !== undefined ? { contentVersion: version } : {}),
    ...(label ? { externalIdLabel: label } : {}),
    ...(target.targetProfile ? { targetProfile: target.targetProfile } : {}),
    ownerId,
    createdAt: now,
  };
  return campaignView(deps.store, organizationId, await writeCampaign(deps.store, organizationId, body, now));
}

/** The organisation's campaigns, newest first (those created before creation dates were kept last, by name). */
export async function listCampaigns(store: Store, organizationId: string): Promise<CampaignView[]> {
  const docs = await store.pullDocuments({ collection: 'campaigns', organizationId, afterSeq: 0, limit: 100_000 });
  const campaigns = docs.filter((d) => !d.deleted).map((d) => d.body as unknown as CampaignDocument);
  campaigns.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || a.name.localeCompare(b.name, 'fr'));
  return campaignViews(store, organizationId, campaigns);
}

export async function getCampaign(store: Store, organizationId: string, campaignId: string): Promise<CampaignView> {
  return campaignView(store, organizationId, await findCampaign(store, organizationId, campaignId));
}
