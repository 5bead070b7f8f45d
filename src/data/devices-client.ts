/**
 * "Postes" calls to the relay ([AUTH-7], [DEVICE-STATUS-1]): the school's enrolled lab machines with their last
 * contact, joined with the last status each reported (answers not yet on the relay, refused documents, versions),
 * and withdrawing a machine ("Retirer ce poste").
 */
import { authorization, call } from './teacher-client.ts';
import type { CallFailure } from './teacher-client.ts';

export interface RefusedDocument {
  id: string;
  collection: string;
  status: number;
  code: string;
  /** The relay's reason, in French, as the machine was told. */
  message: string;
  refusedAt: number;
}

/** What a machine last reported about itself; null for a machine that has not reported yet. */
export interface MachineReport {
  pendingAnswers: number;
  refusedCount: number;
  refusedDocuments: RefusedDocument[];
  contentVersion: string | null;
  appVersion: string;
  reportedAt: number;
}

export interface LabMachine {
  id: string;
  name: string;
  enrolledAt: number;
  /** Last call to the relay (to the minute), null before the first. */
  lastSeenAt: number | null;
  report: MachineReport | null;
}

interface ListedDevice {
  id: string;
  name: string;
  enrolledAt: number;
  lastSeenAt: number | null;
}

type StatusRow = MachineReport & { deviceId: string };

async function getJson<T>(url: string, token: string): Promise<{ ok: true; value: T } | CallFailure> {
  const result = await call(url, { headers: authorization(token) });
  if (!result.ok) return result;
  return { ok: true, value: (await result.response.json()) as T };
}

export async function fetchLabMachines(token: string): Promise<{ ok: true; machines: LabMachine[] } | CallFailure> {
  const [devices, statuses] = await Promise.all([getJson<ListedDevice[]>('/api/devices', token), getJson<StatusRow[]>('/api/devices/statuses', token)]);
  if (!devices.ok) return devices;
  if (!statuses.ok) return statuses;
  const reports = new Map(statuses.value.map(({ deviceId, pendingAnswers, refusedCount, refusedDocuments, contentVersion, appVersion, reportedAt }) => [
    deviceId,
    { pendingAnswers, refusedCount, refusedDocuments, contentVersion, appVersion, reportedAt },
  ]));
  return { ok: true, machines: devices.value.map((d) => ({ ...d, report: reports.get(d.id) ?? null })) };
}

export async function withdrawLabMachine(token: string, deviceId: string): Promise<{ ok: true } | CallFailure> {
  const result = await call(`/api/devices/${encodeURIComponent(deviceId)}`, { method: 'DELETE', headers: authorization(token) });
  return result.ok ? { ok: true } : result;
}
