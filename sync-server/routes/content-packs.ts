/**
 * Content packs imported by an organisation's admin (issue 3): a JSON pack as content:build writes it, or a simple
 * CSV of QCU/QCM (content/FORMAT.md). Validated like the built-in bank; on any error, a 422 lists every problem
 * with its line and nothing is stored.
 */
import type { FastifyInstance } from 'fastify';
import { requireCaller, requireUser } from '../auth/caller.ts';
import { importOrganizationPack, organizationPackBody } from '../content/organization-packs.ts';
import type { PackImportError } from '../content/import-pack.ts';
import { HttpError } from '../http-error.ts';
import { CONTENT_PACK_FORMATS } from '../store/store.ts';
import type { ContentPackFormat, OrganizationContentPack, Store } from '../store/store.ts';
import { errorResponses, errorSchema } from './schemas.ts';

/**
 * Largest import request. The built-in pack is about 0.75 MB (1 MB indented) for 655 challenges: this leaves room
 * for a bank many times larger, while the relay's other routes keep their 1 MiB limit.
 */
export const PACK_IMPORT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
/** Errors listed in a 422 (the message gives the total): a broken 25 MiB file must not answer with a huge body. */
export const MAX_LISTED_ERRORS = 500;
/** A pack version is a content hash (sync-server/content/pack-version.ts), so a response for it never changes. */
const VERSION_PATTERN = '^[0-9a-f]{16}$';
const CACHE_FOREVER = 'private, max-age=31536000, immutable';

interface ImportBody {
  format: ContentPackFormat;
  name: string;
  text: string;
}

/** What clients see of an imported pack (the importer's id stays on the relay). */
interface PackSummary {
  version: string;
  name: string;
  format: ContentPackFormat;
  challengeCount: number;
  importedAt: number;
}

const packSummarySchema = {
  type: 'object',
  required: ['version', 'name', 'format', 'challengeCount', 'importedAt'],
  properties: {
    version: { type: 'string' },
    name: { type: 'string' },
    format: { enum: CONTENT_PACK_FORMATS },
    challengeCount: { type: 'integer' },
    importedAt: { type: 'integer' },
  },
} as const;

const invalidPackSchema = {
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

function summary(record: OrganizationContentPack): PackSummary {
  return { version: record.version, name: record.name, format: record.format, challengeCount: record.challengeCount, importedAt: record.importedAt };
}

function invalidPackMessage(count: number): string {
  const errors = count === 1 ? '1 erreur' : `${count} erreurs`;
  const listed = count > MAX_LISTED_ERRORS ? ` (les ${MAX_LISTED_ERRORS} premières sont listées)` : '';
  return `Le paquet contient ${errors}${listed} ; rien n'a été importé.`;
}

function invalidPackBody(errors: PackImportError[]) {
  return { error: 'invalid_pack', message: invalidPackMessage(errors.length), errors: errors.slice(0, MAX_LISTED_ERRORS) };
}

export function contentPackRoutes(app: FastifyInstance, deps: { store: Store; now: () => number }): void {
  app.post<{ Body: ImportBody }>(
    '/api/content/packs',
    {
      bodyLimit: PACK_IMPORT_BODY_LIMIT_BYTES,
      // Checked before the body is read: only an admin may make the relay parse up to 25 MiB. A throw here is
      // caught by Fastify's hook runner and answered by the error handler (401 or 403).
      onRequest: (request, _reply, done) => {
        requireUser(request, ['admin']);
        done();
      },
      schema: {
        tags: ['content'],
        summary: "Import a content pack for the caller's organisation (admin): a built JSON pack or a simple CSV of QCU/QCM",
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          required: ['format', 'name', 'text'],
          additionalProperties: false,
          properties: {
            format: { enum: CONTENT_PACK_FORMATS },
            name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            text: { type: 'string' },
          },
        },
        response: { 200: packSummarySchema, 201: packSummarySchema, 413: errorSchema, 415: errorSchema, 422: invalidPackSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin']);
      const result = await importOrganizationPack(deps.store, {
        organizationId: caller.organizationId,
        userId: caller.userId,
        ...request.body,
        now: deps.now(),
      });
      if (!result.ok) return reply.status(422).send(invalidPackBody(result.errors));
      return reply.status(result.created ? 201 : 200).send(summary(result.record));
    },
  );

  app.get(
    '/api/content/packs',
    {
      schema: {
        tags: ['content'],
        summary: "The content packs the caller's organisation imported, newest first",
        security: [{ bearer: [] }],
        response: { 200: { type: 'array', items: packSummarySchema }, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return (await deps.store.listOrganizationContentPacks(caller.organizationId)).map(summary);
    },
  );

  app.get<{ Params: { version: string } }>(
    '/api/content/packs/:version',
    {
      schema: {
        tags: ['content'],
        summary: 'An imported content pack (JSON), for the users and enrolled lab machines of the organisation that imported it',
        security: [{ bearer: [] }],
        params: { type: 'object', required: ['version'], properties: { version: { type: 'string', pattern: VERSION_PATTERN } } },
        response: { 404: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      // Lab machines of the school, and its teachers; a pack holds the solutions, so never a student.
      if (caller.kind !== 'device') requireUser(request, ['admin', 'member']);
      const body = await organizationPackBody(deps.store, caller.organizationId, request.params.version);
      if (body === null) throw new HttpError(404, 'not_found', "Ce paquet de contenu n'a pas été importé par votre établissement.");
      // The stored text is already JSON: sent as is, without parsing and serialising a large pack again.
      return reply
        .header('Cache-Control', CACHE_FOREVER)
        .header('Vary', 'Authorization')
        .header('ETag', `"${request.params.version}"`)
        .type('application/json; charset=utf-8')
        .send(body);
    },
  );
}
