/** Rows of `device_statuses` (migration 008) to and from DeviceStatus, the same on SQLite and PostgreSQL. */
import type { DeviceStatus, RefusedDocumentReport } from './store.ts';

type Row = Record<string, unknown>;

export const DEVICE_STATUS_COLUMNS = '(device_id, organization_id, pending_answers, refused_count, refused_documents, content_version, app_version, reported_at)';

/** Replaces the machine's row: every column but the key takes the new report's value. */
export const DEVICE_STATUS_UPSERT_SET = `pending_answers = excluded.pending_answers, refused_count = excluded.refused_count,
  refused_documents = excluded.refused_documents, content_version = excluded.content_version,
  app_version = excluded.app_version, reported_at = excluded.reported_at, organization_id = excluded.organization_id`;

export function deviceStatusParams(s: DeviceStatus): unknown[] {
  return [s.deviceId, s.organizationId, s.pendingAnswers, s.refusedCount, JSON.stringify(s.refusedDocuments), s.contentVersion, s.appVersion, s.reportedAt];
}

/** A row joined with its device's name. */
export function toDeviceStatus(row: Row): DeviceStatus & { name: string } {
  return {
    deviceId: String(row.device_id),
    organizationId: String(row.organization_id),
    name: String(row.name),
    pendingAnswers: Number(row.pending_answers),
    refusedCount: Number(row.refused_count),
    refusedDocuments: JSON.parse(String(row.refused_documents)) as RefusedDocumentReport[],
    contentVersion: typeof row.content_version === 'string' ? row.content_version : null,
    appVersion: String(row.app_version),
    reportedAt: Number(row.reported_at),
  };
}

/** The organisation's reports of machines still enrolled, in enrolment order (both dialects read `?`/`$1` alike). */
export function listDeviceStatusesSql(placeholder: string): string {
  return `SELECT s.*, d.name FROM device_statuses s JOIN devices d ON d.id = s.device_id
    WHERE s.organization_id = ${placeholder} AND d.organization_id = s.organization_id AND d.withdrawn_at IS NULL
    ORDER BY d.created_at, d.id`;
}
