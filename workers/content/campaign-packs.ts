/**
 * Lab machines fetch and keep the packs their school's campaigns run on ([CAMPAIGNS-3]), as soon as they can: when
 * campaigns replicate in, and again when the machine comes back online, so a campaign on an imported pack can be
 * taken once the network is gone. Archived campaigns are left out (nobody can start them).
 */
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from '../db/lab-database.ts';

export interface PackSource {
  version(version: string): Promise<unknown>;
}

/** The versions the machine's active campaigns need. */
export function campaignPackVersions(campaigns: readonly Pick<CampaignDocument, 'contentVersion' | 'archivedAt'>[]): string[] {
  return [...new Set(campaigns.filter((c) => c.archivedAt === null).flatMap((c) => (c.contentVersion !== undefined ? [c.contentVersion] : [])))];
}

/** Keeps fetching; the returned function stops. `onOnline` subscribes to the machine coming back online. */
export function keepCampaignPacks(db: LabDatabase, packs: PackSource, onOnline: (listener: () => void) => () => void): () => void {
  let latest: string[] = [];
  const fetchAll = (): void => {
    for (const version of latest) void packs.version(version).catch(() => null);
  };
  const subscription = db.campaigns.find().$.subscribe((docs) => {
    latest = campaignPackVersions(docs.map((d) => d.toJSON() as CampaignDocument));
    fetchAll();
  });
  const stopOnline = onOnline(fetchAll);
  return () => {
    subscription.unsubscribe();
    stopOnline();
  };
}
