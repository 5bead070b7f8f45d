/**
 * "Importer la liste" on the relay ([LEARNERS-1] … [LEARNERS-3]): the uploaded bytes are read with the same src/core
 * parser the browser ran, matched to the school's roster, and applied in one transaction with the roster documents
 * lab machines pull. The browser's reading is only a preview: the relay decides on the bytes themselves.
 */
import { randomUUID } from 'node:crypto';
import type { ImportIssue, LearnerImportFormat } from '../../src/core/imports/learner-import.ts';
import { parseLearnerFile } from '../../src/core/imports/parse-learner-file.ts';
import type { TextEncodingName } from '../../src/core/imports/decode-text.ts';
import { planRosterImport } from '../../src/core/imports/plan-roster-import.ts';
import type { RosterLearner } from '../../src/core/imports/plan-roster-import.ts';
import { HttpError } from '../http-error.ts';
import { StoreConflictError } from '../store/store.ts';
import type { Learner, Store, StoredDocument } from '../store/store.ts';
import { rosterDocuments } from '../learners/roster-documents.ts';

export interface LearnerImportRequest {
  organizationId: string;
  userId: string;
  format: LearnerImportFormat;
  fileName: string;
  bytes: Uint8Array;
  now: number;
}

export interface LearnerImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  disabled: number;
  skipped: number;
}

export type LearnerImportOutcome =
  | { ok: true; counts: LearnerImportCounts; encoding: TextEncodingName; written: StoredDocument[] }
  | { ok: false; errors: ImportIssue[] };

/** Attempts when another import of the same school commits between our reading of the roster and our write. */
const ATTEMPTS = 3;

/** Imports of one school run one after the other in this process; the store's check covers other processes. */
const queues = new Map<string, Promise<unknown>>();

export async function importLearners(store: Store, request: LearnerImportRequest): Promise<LearnerImportOutcome> {
  const organization = await store.getOrganization(request.organizationId);
  if (!organization) throw new HttpError(404, 'not_found', 'Établissement introuvable.');
  const parsed = parseLearnerFile({
    format: request.format,
    bytes: request.bytes,
    uai: organization.uai,
    today: isoDay(request.now),
    decoder: (encoding) => new TextDecoder(encoding),
  });
  if (!parsed.ok) return parsed;
  const run = async (): Promise<LearnerImportOutcome> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const applied = await apply(store, request, parsed.learners, parsed.skipped);
        return { ok: true, encoding: parsed.encoding, ...applied };
      } catch (error) {
        if (!(error instanceof StoreConflictError) || attempt >= ATTEMPTS) throw error;
      }
    }
  };
  return serialised(request.organizationId, run);
}

async function apply(
  store: Store,
  request: LearnerImportRequest,
  imported: Parameters<typeof planRosterImport>[1],
  skipped: number,
): Promise<{ counts: LearnerImportCounts; written: StoredDocument[] }> {
  const roster = await store.listLearners(request.organizationId);
  const plan = planRosterImport(roster.map(toRosterLearner), imported, randomUUID);
  const previous = new Map(roster.map((l) => [l.id, l]));
  const changed: Learner[] = [...plan.created, ...plan.updated, ...plan.disabled].map((l) => ({
    ...l,
    organizationId: request.organizationId,
    updatedAt: request.now,
  }));
  const documents = await rosterDocuments(store, request.organizationId, changed, previous);
  const counts = {
    created: plan.created.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged.length,
    disabled: plan.disabled.length,
    skipped,
  };
  const planned = fingerprint(roster);
  const { written } = await store.importLearners({
    organizationId: request.organizationId,
    now: request.now,
    learners: changed,
    documents,
    record: {
      id: randomUUID(),
      organizationId: request.organizationId,
      importedBy: request.userId,
      importedAt: request.now,
      format: request.format,
      fileName: request.fileName,
      created: counts.created,
      updated: counts.updated,
      disabled: counts.disabled,
      skipped,
    },
    check: (current) => {
      // The plan was made on the roster read above: if anything moved since, plan again rather than overwrite it.
      if (fingerprint(current) !== planned) throw new StoreConflictError('the roster changed while the import was prepared');
    },
  });
  return { counts, written };
}

function toRosterLearner(l: Learner): RosterLearner {
  return { id: l.id, nationalId: l.nationalId, lastName: l.lastName, firstName: l.firstName, className: l.className, birthDate: l.birthDate, active: l.active };
}

function fingerprint(learners: readonly Learner[]): string {
  return learners
    .map((l) => `${l.id}:${l.updatedAt}:${l.active ? 1 : 0}`)
    .sort()
    .join('|');
}

/** The relay's day as an ISO date (UTC: a student leaving "today" is decided within hours either way). */
function isoDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

async function serialised<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(run);
  queues.set(key, current);
  try {
    return await current;
  } finally {
    if (queues.get(key) === current) queues.delete(key);
  }
}
