/**
 * Certification on the relay ([CERT-1] … [CERT-14]): invigilators and admins manage their organisation's sessions
 * (roles checked before any body is read), lab machines check a candidate's entry, and anyone verifies an
 * attestation by its code (the one public route).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseCandidateCsv, checkCandidateInput } from '../../src/core/certification/candidate-csv.ts';
import { CERTIFICATION_ABORT_REASONS } from '../../src/core/sync/documents.ts';
import type { CertificationAbortReason } from '../../src/core/sync/documents.ts';
import type { ImportIssue } from '../../src/core/imports/learner-import.ts';
import { requireCaller, requireUser } from '../auth/caller.ts';
import { enrolCandidates } from '../certification/candidates.ts';
import { finaliseSession } from '../certification/finalise.ts';
import { joinSession } from '../certification/join.ts';
import { candidateAttestation, sessionResults, sessionResultsCsv, verifyAttestation } from '../certification/results.ts';
import { createSession, editSession, getSession, listSessions } from '../certification/sessions.ts';
import type { CertificationDeps } from '../certification/sessions.ts';
import type { SessionInput } from '../certification/session-input.ts';
import { HttpError } from '../http-error.ts';
import type { Role } from '../store/store.ts';
import { errorResponses, errorSchema } from './schemas.ts';

/** [CERT-14] who manages sessions. */
const STAFF: readonly Role[] = ['admin', 'invigilator'];

function staffOnly(request: FastifyRequest, _reply: unknown, done: () => void): void {
  requireUser(request, STAFF);
  done();
}

function deviceOnly(request: FastifyRequest, _reply: unknown, done: () => void): void {
  const caller = requireCaller(request);
  if (caller.kind !== 'device') throw new HttpError(403, 'forbidden', 'Seul un poste inscrit peut faire entrer un candidat.');
  done();
}

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

const sessionBody = {
  type: 'object',
  required: ['room', 'address', 'date', 'time', 'examiner', 'description'],
  additionalProperties: false,
  properties: { room: text(200), address: text(500), date: text(10), time: text(5), examiner: text(200), description: text(2000) },
} as const;

const candidateBody = {
  type: 'object',
  required: ['lastName', 'firstName', 'birthDate'],
  additionalProperties: false,
  properties: {
    lastName: text(200),
    firstName: text(200),
    birthDate: text(20),
    birthplace: text(200),
    extraTimePercent: { type: 'integer', minimum: 0, maximum: 100 },
    externalId: text(255),
    accessibilityNeeds: text(1000),
  },
} as const;

const issuesSchema = {
  type: 'object',
  required: ['error', 'message', 'errors'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', required: ['line', 'message'], properties: { line: { type: ['integer', 'null'] }, message: { type: 'string' } } } },
  },
} as const;

const staffResponses = { 404: errorSchema, 409: errorSchema, ...errorResponses } as const;

function invalidCandidates(errors: ImportIssue[]) {
  const count = errors.length === 1 ? '1 erreur' : `${errors.length} erreurs`;
  return { error: 'invalid_candidates', message: `${count} : aucun candidat n'a été ajouté.`, errors: errors.slice(0, 200) };
}

interface CandidateBody {
  lastName: string;
  firstName: string;
  birthDate: string;
  birthplace?: string;
  extraTimePercent?: number;
  externalId?: string;
  accessibilityNeeds?: string;
}

interface FinaliseBody {
  comment: string;
  hasIncident: boolean;
  hasJoiningIssue: boolean;
  abortReasons: Record<string, CertificationAbortReason>;
}

export function certificationRoutes(app: FastifyInstance, deps: CertificationDeps): void {
  const staff = (request: FastifyRequest) => requireUser(request, STAFF);
  const common = { tags: ['certification'], security: [{ bearer: [] }] };

  app.get('/api/certification/sessions', { onRequest: staffOnly, schema: { ...common, summary: "The organisation's certification sessions", response: { 200: { type: 'array', items: anyObject }, ...errorResponses } } }, async (request) =>
    listSessions(deps.store, staff(request).organizationId),
  );

  app.post<{ Body: SessionInput }>(
    '/api/certification/sessions',
    { onRequest: staffOnly, schema: { ...common, summary: '"Créer la session": access code and invigilator password are drawn', body: sessionBody, response: { 201: anyObject, 503: errorSchema, ...errorResponses } } },
    async (request, reply) => {
      const caller = staff(request);
      return reply.status(201).send(await createSession(deps, caller.organizationId, caller.userId, request.body));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/certification/sessions/:id',
    { onRequest: staffOnly, schema: { ...common, summary: 'A session with its password and candidates (certifiability included)', params: idParams, response: { 200: anyObject, ...staffResponses } } },
    async (request) => getSession(deps, staff(request).organizationId, request.params.id),
  );

  app.put<{ Params: { id: string }; Body: SessionInput }>(
    '/api/certification/sessions/:id',
    { onRequest: staffOnly, schema: { ...common, summary: 'Edit a session that is not finalised', params: idParams, body: sessionBody, response: { 200: anyObject, ...staffResponses } } },
    async (request) => editSession(deps, staff(request).organizationId, request.params.id, request.body),
  );

  app.post<{ Params: { id: string }; Body: CandidateBody }>(
    '/api/certification/sessions/:id/candidates',
    { onRequest: staffOnly, schema: { ...common, summary: '"Ajouter un candidat": matched to a learner of the roster; 20 at most', params: idParams, body: candidateBody, response: { 201: anyObject, 422: issuesSchema, ...staffResponses } } },
    async (request, reply) => {
      const caller = staff(request);
      const checked = checkCandidateInput(request.body);
      if (!checked.ok) throw new HttpError(400, 'bad_request', `Requête invalide : ${checked.messages.join(' ')}`);
      const outcome = await enrolCandidates(deps, caller.organizationId, request.params.id, [{ line: null, candidate: checked.candidate }]);
      if (!outcome.ok) return reply.status(422).send(invalidCandidates(outcome.errors));
      return reply.status(201).send(outcome.session);
    },
  );

  app.post<{ Params: { id: string }; Body: { content: string } }>(
    '/api/certification/sessions/:id/candidates/import',
    {
      onRequest: staffOnly,
      schema: {
        ...common,
        summary: 'Import candidates from a CSV (its text): all or nothing, with every line\'s errors',
        params: idParams,
        body: { type: 'object', required: ['content'], additionalProperties: false, properties: { content: { type: 'string', maxLength: 200_000 } } },
        response: { 201: anyObject, 422: issuesSchema, ...staffResponses },
      },
    },
    async (request, reply) => {
      const caller = staff(request);
      const parsed = parseCandidateCsv(request.body.content);
      if (!parsed.ok) return reply.status(422).send(invalidCandidates(parsed.errors));
      const outcome = await enrolCandidates(deps, caller.organizationId, request.params.id, parsed.candidates);
      if (!outcome.ok) return reply.status(422).send(invalidCandidates(outcome.errors));
      return reply.status(201).send(outcome.session);
    },
  );

  app.post<{ Params: { id: string }; Body: FinaliseBody }>(
    '/api/certification/sessions/:id/finalise',
    {
      onRequest: staffOnly,
      schema: {
        ...common,
        summary: '"Finaliser la session": an abort reason for every unfinished test; then the relay scores every candidate',
        params: idParams,
        body: {
          type: 'object',
          required: ['comment', 'hasIncident', 'hasJoiningIssue', 'abortReasons'],
          additionalProperties: false,
          properties: {
            comment: text(5000),
            hasIncident: { type: 'boolean' },
            hasJoiningIssue: { type: 'boolean' },
            abortReasons: { type: 'object', maxProperties: 20, additionalProperties: { enum: CERTIFICATION_ABORT_REASONS } },
          },
        },
        response: { 200: anyObject, 422: errorSchema, ...staffResponses },
      },
    },
    async (request) => finaliseSession(deps, staff(request).organizationId, request.params.id, request.body),
  );

  app.get<{ Params: { id: string } }>(
    '/api/certification/sessions/:id/results',
    { onRequest: staffOnly, schema: { ...common, summary: "A processed session's results per candidate", params: idParams, response: { 200: { type: 'array', items: anyObject }, ...staffResponses } } },
    async (request) => sessionResults(deps.store, staff(request).organizationId, request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/api/certification/sessions/:id/results.csv',
    { onRequest: staffOnly, schema: { ...common, summary: 'The results CSV (UTF-8 BOM, ";")', params: idParams, response: { 200: { type: 'string' }, ...staffResponses } } },
    async (request, reply) => {
      const csv = await sessionResultsCsv(deps.store, staff(request).organizationId, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="resultats-certification-${request.params.id}.csv"`)
        .send(csv);
    },
  );

  app.get<{ Params: { id: string; candidateId: string } }>(
    '/api/certification/sessions/:id/candidates/:candidateId/attestation.pdf',
    {
      onRequest: staffOnly,
      schema: {
        ...common,
        summary: "A scored candidate's PDF attestation",
        params: { type: 'object', required: ['id', 'candidateId'], properties: { id: { type: 'string', maxLength: 100 }, candidateId: { type: 'string', maxLength: 100 } } },
        response: staffResponses,
      },
    },
    async (request, reply) => {
      const { pdf, verificationCode } = await candidateAttestation(deps.store, staff(request).organizationId, request.params.id, request.params.candidateId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="attestation-${verificationCode}.pdf"`).send(pdf);
    },
  );

  app.post<{ Body: { accessCode: string; lastName: string; firstName: string; birthDate: string } }>(
    '/api/certification/join',
    {
      onRequest: deviceOnly,
      schema: {
        ...common,
        summary: "A candidate's entry from a lab machine: the candidate, or a refusal (wrong code, not enrolled, not certifiable)",
        body: {
          type: 'object',
          required: ['accessCode', 'lastName', 'firstName', 'birthDate'],
          additionalProperties: false,
          properties: { accessCode: text(20), lastName: text(200), firstName: text(200), birthDate: text(20) },
        },
        response: { 200: anyObject, 404: errorSchema, ...errorResponses },
      },
    },
    async (request) => joinSession(deps, requireCaller(request).organizationId, request.body),
  );

  app.get<{ Params: { code: string } }>(
    '/api/certification/verification/:code',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['certification'],
        summary: 'Public verification of an attestation: name, date, score and levels only',
        params: { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 20 } } },
        response: {
          200: {
            type: 'object',
            required: ['lastName', 'firstName', 'date', 'score', 'competences'],
            additionalProperties: false,
            properties: {
              lastName: { type: 'string' },
              firstName: { type: 'string' },
              date: { type: 'string' },
              score: { type: 'integer' },
              competences: { type: 'array', items: { type: 'object', required: ['competenceId', 'level'], additionalProperties: false, properties: { competenceId: { type: 'string' }, level: { type: 'integer' } } } },
            },
          },
          404: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => verifyAttestation(deps.store, request.params.code),
  );
}
