/**
 * Content packs an organisation's admin imports: validated exactly like the built-in pack (import-pack.ts), then
 * stored with the organisation's record in one transaction, or, on any error, not stored at all.
 */
import type { ContentPackFormat, OrganizationContentPack, Store } from '../store/store.ts';
import { validatePackImport } from './import-pack.ts';
import type { PackImportError } from './import-pack.ts';

export interface OrganizationPackInput {
  organizationId: string;
  userId: string;
  format: ContentPackFormat;
  name: string;
  text: string;
  now: number;
}

export type OrganizationPackImport =
  | { ok: true; record: OrganizationContentPack; created: boolean }
  | { ok: false; errors: PackImportError[] };

/** Importing a version the organisation already has returns the stored record (created false): retrying is safe. */
export async function importOrganizationPack(store: Store, input: OrganizationPackInput): Promise<OrganizationPackImport> {
  const result = validatePackImport({ format: input.format, text: input.text });
  if (!result.ok) return result;
  const { pack } = result;
  const record: OrganizationContentPack = {
    organizationId: input.organizationId,
    version: pack.version,
    name: input.name.trim(),
    format: input.format,
    challengeCount: pack.challenges.length,
    importedBy: input.userId,
    importedAt: input.now,
  };
  // The parsed pack, not the uploaded text: the stored body is compact whatever the indentation of the upload.
  return { ok: true, ...(await store.addOrganizationContentPack(record, JSON.stringify(pack))) };
}

/** The body of a pack the organisation imported, or null (never imported by it, even if another school did). */
export async function organizationPackBody(store: Store, organizationId: string, version: string): Promise<string | null> {
  const imported = await store.listOrganizationContentPacks(organizationId);
  if (!imported.some((pack) => pack.version === version)) return null;
  return store.getContentPack(version);
}
