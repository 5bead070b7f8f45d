/** The lab machines of a school as teachers see them ("Postes"), and withdrawing one ("Retirer ce poste"). */
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';

export interface LabMachine {
  id: string;
  name: string;
  enrolledAt: number;
  /** Last call to the relay, to the minute; null before its first. */
  lastSeenAt: number | null;
}

export async function listLabMachines(store: Store, organizationId: string): Promise<LabMachine[]> {
  const devices = await store.listDevices(organizationId);
  return devices.map((d) => ({ id: d.id, name: d.name, enrolledAt: d.createdAt, lastSeenAt: d.lastSeenAt }));
}

/**
 * Withdraws a machine of the organisation: its tokens are deleted, so it stops working at once ([AUTH-7]). Its
 * record stays (answers name the machine they came from). Another school's machine is "not found", as an unknown one.
 */
export async function withdrawLabMachine(store: Store, organizationId: string, deviceId: string, now: number): Promise<void> {
  if (!(await store.withdrawDevice(organizationId, deviceId, now))) {
    throw new HttpError(404, 'not_found', 'Poste introuvable dans votre établissement (peut-être déjà retiré).');
  }
}
