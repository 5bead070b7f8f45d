/**
 * The engine worker's long-lived state: the lab database, the device database, the relay connection and the
 * replication once the machine is enrolled. Handlers receive it; they never open databases themselves.
 */
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import type { DeviceDb, DeviceEnrolment } from '../db/device-db.ts';
import { RefusedDocuments } from '../db/refused-documents.ts';
import { RelayConnection } from '../sync/relay-connection.ts';
import { replicateLabDatabase } from '../sync/replicate.ts';
import type { LabReplication } from '../sync/replicate.ts';

export interface LabRuntimeDeps {
  openLabDb: () => Promise<LabDatabase>;
  deviceDb: DeviceDb;
  /** Origin of the relay ('' in the browser: same origin). */
  baseUrl: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** The content pack of a version (the newest when absent); null when the machine does not have it. */
  loadContent: (version?: string) => Promise<LoadedContent | null>;
}

export class LabRuntime {
  private dbPromise: Promise<LabDatabase> | undefined;
  private replication: LabReplication | null = null;
  private starting: Promise<boolean> | null = null;
  private connection: RelayConnection | null = null;
  readonly now: () => number;
  /** Documents the relay refused, set aside on this machine ([SYNC-POISON-2]). */
  readonly refused: RefusedDocuments;

  constructor(readonly deps: LabRuntimeDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.refused = new RefusedDocuments(deps.deviceDb);
  }

  db(): Promise<LabDatabase> {
    this.dbPromise ??= this.deps.openLabDb();
    return this.dbPromise;
  }

  get deviceDb(): DeviceDb {
    return this.deps.deviceDb;
  }

  get relay(): RelayConnection | null {
    return this.connection;
  }

  get replicating(): LabReplication | null {
    return this.replication;
  }

  async enrolment(): Promise<DeviceEnrolment | undefined> {
    return this.deps.deviceDb.enrolment.get('device');
  }

  /**
   * Starts replicating when the machine is enrolled. Idempotent, also when called again before the first call has
   * finished (the worker starts it at boot while the UI already asks for the sync state): two replications would
   * hold twice the relay connections, and a browser gives one origin only six.
   */
  startSync(): Promise<boolean> {
    this.starting ??= this.begin().then((started) => {
      if (!started) this.starting = null;
      return started;
    });
    return this.starting;
  }

  private async begin(): Promise<boolean> {
    const enrolment = await this.enrolment();
    if (!enrolment) return false;
    const db = await this.db();
    this.connection = new RelayConnection(this.deps.baseUrl, enrolment.token, this.deps.fetchImpl, this.now);
    this.replication = replicateLabDatabase(db, this.connection, {
      live: true,
      stream: true,
      identifier: `device-${enrolment.deviceId}`,
      refused: this.refused,
      statusReport: { contentVersion: async () => (await this.deps.deviceDb.packs.orderBy('loadedAt').last())?.version ?? null },
      now: this.now,
    });
    return true;
  }

  async stopSync(): Promise<void> {
    await this.starting;
    this.starting = null;
    await this.replication?.stop();
    this.replication = null;
    this.connection = null;
  }
}
