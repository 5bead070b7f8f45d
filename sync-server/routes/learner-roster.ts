/**
 * The teacher's students ("Élèves"): import a list (SIECLE XML, Fregata CSV, simple CSV), list the students with
 * their certifiability, draw personal codes for a class. Admins and teachers of the school only; everything is
 * scoped to the caller's organisation ([LEARNERS-1] … [LEARNERS-5]).
 */
import type { FastifyInstance } from 'fastify';
import { LEARNER_IMPORT_FORMATS } from '../../src/core/imports/learner-import.ts';
import type { ImportIssue, LearnerImportFormat } from '../../src/core/imports/learner-import.ts';
import { requireUser } from '../auth/caller.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import { HttpError } from '../http-error.ts';
import { CERTIFIABILITIES } from '../learners/learner-certifiability.ts';
import type { Certifiability } from '../learners/learner-certifiability.ts';
import { StoreConflictError } from '../store/store.ts';
import type { Store, StoredDocument } from '../store/store.ts';
import { issueClassPersonalCodes } from '../use-cases/class-personal-codes.ts';
import { importLearners } from '../use-cases/import-learners.ts';
import { listLearners } from '../use-cases/list-learners.ts';
import { errorResponses, errorSchema } from './schemas.ts';

/**
 * Largest import request. A SIECLE export of 5,000 students is about 6 MB (10 to 12 MB with every optional field),
 * a third more once in base64: this leaves room for the largest schools, while other routes keep 1 MiB.
 */
export const LEARNER_IMPORT_BODY_LIMIT_BYTES = 24 * 1024 * 1024;
/** Errors listed in a 422 (the message gives the total): a file broken on every line must not answer megabytes. */
export const MAX_LISTED_IMPORT_ERRORS = 500;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface ImportBody {
  format: LearnerImportFormat;
  fileName: string;
  /** The file's bytes, base64: the relay decodes them itself ([IMPORT-2]), as the browser did. */
  content: string;
}

export interface LearnerRosterDeps {
  store: Store;
  library: ContentLibrary;
  now: () => number;
  /** Called with the `learners` documents an import wrote, to tell lab machines following the live stream. */
  onRosterWritten: (organizationId: string, written: StoredDocument[]) => void;
}

const importErrorSchema = {
  type: 'object',
  required: ['error', 'message', 'errors'],
  properties: {
    ...errorSchema.properties,
    errors: {
      type: 'array',
      items: { type: 'object', required: ['line', 'message'], properties: { line: { type: ['integer', 'null'] }, message: { type: 'string' } } },
    },
  },
} as const;

const countsSchema = {
  type: 'object',
  required: ['created', 'updated', 'unchanged', 'disabled', 'skipped', 'encoding'],
  properties: {
    created: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer' },
    disabled: { type: 'integer', description: 'students of the school absent from the file, now inactive (accounts kept)' },
    skipped: { type: 'integer', description: 'students the file lists as having left the school' },
    encoding: { type: 'string' },
  },
} as const;

const learnerSchema = {
  type: 'object',
  required: ['id', 'lastName', 'firstName', 'className', 'birthDate', 'nationalId', 'certifiability'],
  properties: {
    id: { type: 'string' },
    lastName: { type: 'string' },
    firstName: { type: 'string' },
    className: { type: 'string' },
    birthDate: { type: 'string' },
    nationalId: { type: ['string', 'null'] },
    certifiability: { enum: CERTIFIABILITIES },
  },
} as const;

const lastImportSchema = {
  type: ['object', 'null'],
  required: ['id', 'importedAt', 'format', 'fileName', 'created', 'updated', 'disabled', 'skipped'],
  properties: {
    id: { type: 'string' },
    importedAt: { type: 'integer' },
    format: { type: 'string' },
    fileName: { type: 'string' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    disabled: { type: 'integer' },
    skipped: { type: 'integer' },
  },
} as const;

function invalidFileBody(errors: ImportIssue[]) {
  const count = errors.length === 1 ? '1 erreur' : `${errors.length} erreurs`;
  const listed = errors.length > MAX_LISTED_IMPORT_ERRORS ? ` (les ${MAX_LISTED_IMPORT_ERRORS} premières sont listées)` : '';
  return { error: 'invalid_file', message: `Le fichier contient ${count}${listed} ; aucun élève n'a été importé.`, errors: errors.slice(0, MAX_LISTED_IMPORT_ERRORS) };
}

export function learnerRosterRoutes(app: FastifyInstance, deps: LearnerRosterDeps): void {
  app.post<{ Body: ImportBody }>(
    '/api/learners/import',
    {
      bodyLimit: LEARNER_IMPORT_BODY_LIMIT_BYTES,
      // Checked before the body is read: only a teacher or admin may make the relay read megabytes.
      onRequest: (request, _reply, done) => {
        requireUser(request, ['admin', 'member']);
        done();
      },
      schema: {
        tags: ['learners'],
        summary: "Import the school's student list (SIECLE XML, Fregata CSV or simple CSV): all or nothing; students absent from the file are disabled",
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          required: ['format', 'fileName', 'content'],
          additionalProperties: false,
          properties: {
            format: { enum: LEARNER_IMPORT_FORMATS },
            fileName: { type: 'string', minLength: 1, maxLength: 255 },
            content: { type: 'string', description: "the file's bytes, base64", maxLength: LEARNER_IMPORT_BODY_LIMIT_BYTES },
          },
        },
        response: { 200: countsSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema, 415: errorSchema, 422: importErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const { format, fileName, content } = request.body;
      if (content.length % 4 !== 0 || !BASE64.test(content)) {
        throw new HttpError(400, 'bad_request', "Requête invalide : le contenu du fichier n'est pas en base64.");
      }
      let outcome;
      try {
        outcome = await importLearners(deps.store, {
          organizationId: caller.organizationId,
          userId: caller.userId,
          format,
          fileName: fileName.trim() || 'liste',
          bytes: Buffer.from(content, 'base64'),
          now: deps.now(),
        });
      } catch (error) {
        if (error instanceof StoreConflictError) {
          throw new HttpError(409, 'import_conflict', "La liste des élèves a changé pendant l'import (un autre import ?) : réessayez.");
        }
        throw error;
      }
      if (!outcome.ok) return reply.status(422).send(invalidFileBody(outcome.errors));
      deps.onRosterWritten(caller.organizationId, outcome.written);
      return { ...outcome.counts, encoding: outcome.encoding };
    },
  );

  app.get<{ Querystring: { className?: string; certifiability?: Certifiability } }>(
    '/api/learners',
    {
      schema: {
        tags: ['learners'],
        summary: "The school's active students with their certifiability, filtered by class and certifiability",
        security: [{ bearer: [] }],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { className: { type: 'string', minLength: 1, maxLength: 60 }, certifiability: { enum: CERTIFIABILITIES } },
        },
        response: {
          200: {
            type: 'object',
            required: ['organization', 'learners', 'classes', 'lastImport'],
            properties: {
              organization: { type: 'object', required: ['name', 'uai'], properties: { name: { type: 'string' }, uai: { type: 'string' } } },
              learners: { type: 'array', items: learnerSchema },
              classes: { type: 'array', items: { type: 'string' } },
              lastImport: lastImportSchema,
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const list = await listLearners(deps.store, deps.library, caller.organizationId, request.query);
      // Names and birth dates: never kept by a shared cache.
      return reply.header('Cache-Control', 'no-store').send(list);
    },
  );

  app.post<{ Body: { className: string } }>(
    '/api/learners/personal-codes',
    {
      schema: {
        tags: ['learners'],
        summary: 'Give every active student of a class a new personal code (to print as slips); the codes are shown only in this answer',
        security: [{ bearer: [] }],
        body: { type: 'object', required: ['className'], additionalProperties: false, properties: { className: { type: 'string', minLength: 1, maxLength: 60 } } },
        response: {
          201: {
            type: 'object',
            required: ['codes'],
            properties: {
              codes: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['learnerId', 'lastName', 'firstName', 'className', 'code'],
                  properties: { learnerId: { type: 'string' }, lastName: { type: 'string' }, firstName: { type: 'string' }, className: { type: 'string' }, code: { type: 'string' } },
                },
              },
            },
          },
          404: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const codes = await issueClassPersonalCodes(deps.store, caller.organizationId, request.body.className, deps.now());
      return reply.status(201).header('Cache-Control', 'no-store').send({ codes });
    },
  );
}
