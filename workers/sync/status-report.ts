/**
 * [DEVICE-STATUS-1] The machine tells the relay what it holds back, for the teachers' "Postes" screen: answers not
 * yet sent, documents the relay refused (with why), the content and app versions. Sent a little after replication
 * activity or a change of the refused set, only when something changed, and at least every few minutes while the
 * worker runs (the relay keeps the time: "last contact").
 */
import { stableStringify } from '../../src/core/sync/merge.ts';
import { countPendingAnswers } from '../db/pending-answers.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import type { RefusedDocuments } from '../db/refused-documents.ts';
import { APP_VERSION } from '../runtime/app-version.ts';
import type { RelayConnection } from './relay-connection.ts';

/** Wait after activity before reporting: a busy replication sends one report, not one per batch. */
export const STATUS_REPORT_DELAY_MS = 2_000;
/** A report is sent this often even when nothing changed. */
export const STATUS_HEARTBEAT_MS = 5 * 60_000;
/** Refused documents listed in one report (all are counted); the relay refuses longer lists. */
export const MAX_REPORTED_REFUSED = 100;

export interface RefusedDocumentReport {
  id: string;
  collection: string;
  status: number;
  code: string;
  message: string;
  refusedAt: number;
}

export interface DeviceStatusReport {
  pendingAnswers: number;
  refusedCount: number;
  refusedDocuments: RefusedDocumentReport[];
  contentVersion: string | null;
  appVersion: string;
}

export async function collectDeviceStatus(db: LabDatabase, refused: RefusedDocuments, contentVersion: () => Promise<string | null>): Promise<DeviceStatusReport> {
  const records = await refused.list();
  return {
    pendingAnswers: await countPendingAnswers(db, refused),
    refusedCount: records.length,
    refusedDocuments: records.slice(0, MAX_REPORTED_REFUSED).map(({ id, collection, status, code, message, refusedAt }) => ({ id, collection, status, code, message, refusedAt })),
    contentVersion: await contentVersion(),
    appVersion: APP_VERSION,
  };
}

export interface StatusReporter {
  /** Something happened: report soon if the status changed. */
  poke(): void;
  /** Reports now if the status changed (tests, and "Synchroniser maintenant"). */
  flush(): Promise<void>;
  stop(): void;
}

export function startStatusReports(connection: RelayConnection, collect: () => Promise<DeviceStatusReport>, now: () => number = () => Date.now()): StatusReporter {
  let lastSent: { body: string; at: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const send = async (): Promise<void> => {
    if (stopped) return;
    const report = await collect();
    const body = stableStringify(report);
    if (lastSent && lastSent.body === body && now() - lastSent.at < STATUS_HEARTBEAT_MS) return;
    await connection.request('POST', '/api/devices/me/status', report);
    lastSent = { body, at: now() };
  };
  // One report at a time, in order; a failure (relay unreachable) waits for the next poke or heartbeat.
  const flush = (): Promise<void> => {
    running = running.then(send).catch((error: unknown) => {
      console.warn('device status report failed', error);
    });
    return running;
  };
  const heartbeat = setInterval(() => void flush(), STATUS_HEARTBEAT_MS);

  return {
    poke() {
      if (stopped || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, STATUS_REPORT_DELAY_MS);
    },
    flush,
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
    },
  };
}
