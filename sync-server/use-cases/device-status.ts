/**
 * [DEVICE-STATUS-1] A lab machine's report about itself (answers not yet sent, documents the relay refused, content
 * and app versions), kept as its latest, and read back by its school's teachers for the "Postes" screen.
 */
import type { DeviceStatus, Store } from '../store/store.ts';

/** What a machine sends; the relay adds who it is and when the report arrived. */
export type DeviceStatusReport = Omit<DeviceStatus, 'deviceId' | 'organizationId' | 'reportedAt'>;

/** A machine's latest report as teachers read it. */
export type LabMachineStatus = Omit<DeviceStatus, 'organizationId'> & { name: string };

export async function reportDeviceStatus(store: Store, device: { deviceId: string; organizationId: string }, report: DeviceStatusReport, now: number): Promise<{ reportedAt: number }> {
  await store.saveDeviceStatus({ ...report, deviceId: device.deviceId, organizationId: device.organizationId, reportedAt: now });
  return { reportedAt: now };
}

export async function listLabMachineStatuses(store: Store, organizationId: string): Promise<LabMachineStatus[]> {
  return (await store.listDeviceStatuses(organizationId)).map(({ organizationId: _organizationId, ...status }) => status);
}
