/** Rows of `learner_imports` (migration 009) for both dialects. */
import type { LearnerImportRecord } from './store.ts';

type Row = Record<string, unknown>;

export const LEARNER_IMPORT_COLUMNS = '(id, organization_id, imported_by, imported_at, format, file_name, created, updated, disabled, skipped)';

export function learnerImportParams(r: LearnerImportRecord): unknown[] {
  return [r.id, r.organizationId, r.importedBy, r.importedAt, r.format, r.fileName, r.created, r.updated, r.disabled, r.skipped];
}

export function toLearnerImportRecord(row: Row): LearnerImportRecord {
  const text = (key: string): string => String(row[key]);
  const count = (key: string): number => Number(row[key]);
  return {
    id: text('id'),
    organizationId: text('organization_id'),
    importedBy: text('imported_by'),
    importedAt: count('imported_at'),
    format: text('format'),
    fileName: text('file_name'),
    created: count('created'),
    updated: count('updated'),
    disabled: count('disabled'),
    skipped: count('skipped'),
  };
}
