/**
 * What the machine itself keeps outside the replicated collections: its enrolment (device id and token), the
 * content packs it has loaded, and the documents the relay refused. A plain Dexie database, owned by the engine worker.
 */
import Dexie from 'dexie';
import type { DexieOptions, Table } from 'dexie';

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
  /** A pack the school imported, fetched for its campaigns: kept for them, never pruned with the built-in ones. */
  imported?: boolean;
}

export interface DeviceMeta {
  key: string;
  value: string;
}

/**
 * A document the relay refused (400/403/413), kept here rather than in the replicated collections: RxDB's free
 * storage opens few collections, and this record never leaves the machine. The document itself stays where it was.
 */
export interface RefusedDocument {
  /** A collection the machine pushes ('answers', 'assessments'). */
  collection: string;
  id: string;
  /** The answer's assessment (answers follow it when it is accepted later); null for an assessment. */
  parentId: string | null;
  /** HTTP status of the refusal; 0 when the machine held the document back itself (its assessment was refused). */
  status: number;
  /** The relay's error code and (French) message. */
  code: string;
  message: string;
  refusedAt: number;
  /** The document as it was sent (stable JSON): the same content is not offered to the relay again. */
  fingerprint: string;
  /** The app and protocol versions that met the refusal: another version offers the document again. */
  appVersion: string;
  protocolVersion: number;
}

export class DeviceDb extends Dexie {
  enrolment!: Table<DeviceEnrolment, 'device'>;
  packs!: Table<StoredPack, string>;
  meta!: Table<DeviceMeta, string>;
  refused!: Table<RefusedDocument, [string, string]>;

  /** `idb`: another IndexedDB implementation (fake-indexeddb in Node tests); the browser's by default. */
  constructor(name = 'pixlab-device', idb: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    // Strict durability: an enrolment or a pack written is on disk before we go on.
    super(name, { chromeTransactionDurability: 'strict', ...idb });
    this.version(1).stores({ enrolment: 'key', packs: 'version, loadedAt', meta: 'key' });
    this.version(2).stores({ refused: '[collection+id], parentId' });
  }
}
