/**
 * The content pack a campaign runs on ([CAMPAIGNS-3]): the built-in pack, or one the school imported. A version is
 * accepted only when the campaign's own school imported it: another school's import is refused exactly like a
 * version nobody imported.
 */
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import type { ContentLibrary, RelayContent } from '../content/content-library.ts';
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';

export function contentUnavailable(): HttpError {
  return new HttpError(503, 'content_unavailable', "Aucun paquet de contenu n'est installé sur ce relais.");
}

/** The pack a new or edited campaign names (null: built in), or a 400 when the school did not import it. */
export async function chosenContent(store: Store, library: ContentLibrary, organizationId: string, version: string | null): Promise<{ content: RelayContent; version: string | undefined; packName: string | null }> {
  if (version === null) {
    const shipped = library.current;
    const content = shipped ? await library.forVersion(shipped.version) : null;
    if (!content) throw contentUnavailable();
    return { content, version: undefined, packName: null };
  }
  const imported = (await store.listOrganizationContentPacks(organizationId)).find((p) => p.version === version);
  const content = imported ? await library.forOrganization(organizationId, version) : null;
  if (!imported || !content) throw new HttpError(400, 'bad_request', "Requête invalide : ce paquet de contenu n'a pas été importé par votre établissement.");
  return { content, version, packName: imported.name };
}

/** The pack an existing campaign runs on, for its pages (titles of topics, tutorials); null when not held. */
export async function campaignContent(library: ContentLibrary, organizationId: string, campaign: CampaignDocument): Promise<RelayContent | null> {
  if (campaign.contentVersion !== undefined) return library.forOrganization(organizationId, campaign.contentVersion);
  const shipped = library.current;
  return shipped ? library.forVersion(shipped.version) : null;
}
