/**
 * A campaign as one organisation's staff may reach it ([CAMPAIGNS-1]): looked up within the caller's organisation
 * only, so another school's campaign and a campaign that does not exist get the same 404, word for word.
 */
import type { Caller } from '../auth/caller.ts';
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';

export function campaignNotFound(): HttpError {
  return new HttpError(404, 'not_found', "Cette campagne n'existe pas dans votre établissement.");
}

export async function findCampaign(store: Store, organizationId: string, campaignId: string): Promise<CampaignDocument> {
  const [stored] = await store.getDocuments(organizationId, 'campaigns', [campaignId]);
  if (!stored || stored.deleted) throw campaignNotFound();
  return stored.body as unknown as CampaignDocument;
}

/**
 * [CAMPAIGNS-4] Who may change a campaign ("Modifier", "Archiver"): its creator and the school's admins. Other
 * teachers of the school follow it and export it, but do not change it.
 */
export function assertMayManage(caller: Extract<Caller, { kind: 'user' }>, campaign: CampaignDocument): void {
  if (caller.roles.includes('admin') || campaign.ownerId === caller.userId) return;
  throw new HttpError(403, 'forbidden', 'Seuls le créateur de la campagne et les administrateurs de l’établissement peuvent la modifier ou l’archiver.');
}
