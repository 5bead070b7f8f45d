/**
 * What the machine itself keeps outside the replicated collections: its enrolment (device id and token) and the
 * content packs it has loaded. A plain Dexie database, owned by the engine worker.
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';

export interface DeviceEnrolment {
  key: 'device';
  deviceId: string;
  token: string;
  name: string;
  organizationId: string;
  enrolledAt: number;
}

export interface StoredPack {
  version: string;
  /** The whole pack as JSON text: parsed once when the worker starts. */
  json: string;
  loadedAt: number;
}

export interface DeviceMeta {
  key: string;
  value: string;
}

export class DeviceDb extends Dexie {
  enrolment!: Table<DeviceEnrolment, 'device'>;
  packs!: Table<StoredPack, string>;
  meta!: Table<DeviceMeta, string>;

  constructor(name = 'pixlab-device') {
    // Strict durability: an enrolment or a pack written is on disk before we go on.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ enrolment: 'key', packs: 'version, loadedAt', meta: 'key' });
  }
}
