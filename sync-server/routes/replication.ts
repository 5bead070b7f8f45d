/**
 * Replication endpoints for every collection (SYNC.md, "Fixed"): pull by server sequence, push all-or-nothing,
 * and a live stream. Documents round-trip exactly: response schemas keep every field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerKey, requireCaller } from '../auth/caller.ts';
import type { Caller } from '../auth/caller.ts';
import { HttpError } from '../http-error.ts';
import { PROTOCOL_VERSION } from '../version.ts';
import { COLLECTIONS } from '../replication/collections.ts';
import type { CollectionSpec } from '../replication/collections.ts';
import { pushDocuments } from '../replication/push.ts';
import type { PushRow } from '../replication/push.ts';
import type { StreamHub, Subscriber } from '../replication/stream-hub.ts';
import type { Store, StoredDocument } from '../store/store.ts';
import { errorResponses, errorSchema } from './schemas.ts';

/** Largest page a pull returns, and the default. */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 200;
/** Largest batch a push accepts (RxDB sends 50–100 at a time; a lab back online sends a few hundred). */
export const MAX_PUSH_BATCH = 500;

export interface ReplicationDeps {
  store: Store;
  hub: StreamHub;
  now: () => number;
  /** Called after every committed push, e.g. to recompute results. */
  onWritten?: (organizationId: string, collection: string, written: StoredDocument[]) => Promise<void>;
}

const anyDocument = { type: 'object', additionalProperties: true } as const;

function routesFor(app: FastifyInstance, spec: CollectionSpec, deps: ReplicationDeps): void {
  const base = `/api/replication/${spec.name}`;
  const tags = ['replication'];

  app.get<{ Querystring: { seq?: string; limit?: string } }>(
    `${base}/pull`,
    {
      schema: {
        tags,
        summary: `Pull ${spec.name} after a server sequence`,
        security: [{ bearer: [] }],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { seq: { type: 'string', pattern: '^[0-9]{1,16}$' }, limit: { type: 'string', pattern: '^[0-9]{1,4}$' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['documents', 'checkpoint'],
            properties: { documents: { type: 'array', items: anyDocument }, checkpoint: { type: 'object', required: ['seq'], properties: { seq: { type: 'integer' } } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      if (!spec.canPull(caller)) throw new HttpError(403, 'forbidden', `Vous ne pouvez pas lire les documents « ${spec.name} ».`);
      const afterSeq = Number(request.query.seq ?? 0);
      const limit = Math.max(1, Math.min(MAX_PULL_LIMIT, Number(request.query.limit ?? DEFAULT_PULL_LIMIT)));
      const docs = await deps.store.pullDocuments({ collection: spec.name, organizationId: caller.organizationId, afterSeq, limit, ...ownWork(caller) });
      return { documents: docs.map((d) => d.body), checkpoint: { seq: docs[docs.length - 1]?.seq ?? afterSeq } };
    },
  );

  if (spec.meet) {
    app.post<{ Body: PushRow[] }>(
      `${base}/push`,
      {
        schema: {
          tags,
          summary: `Push ${spec.name}: all or nothing; answers the master states of conflicting documents`,
          security: [{ bearer: [] }],
          body: {
            type: 'array',
            maxItems: MAX_PUSH_BATCH,
            items: {
              type: 'object',
              required: ['newDocumentState'],
              additionalProperties: false,
              properties: { newDocumentState: spec.schema, assumedMasterState: { anyOf: [anyDocument, { type: 'null' }] } },
            },
          },
          // 409 assessment_not_yet_received: an answer came before its test; the lab machine sends it again ([SYNC-OWN-2]).
          response: { 200: { type: 'array', items: anyDocument }, ...errorResponses, 409: errorSchema },
        },
      },
      async (request) => {
        const caller = requireCaller(request);
        const { conflicts, written } = await pushDocuments(deps.store, caller, spec, request.body, deps.now());
        deps.hub.publish(caller.organizationId, spec.name, written);
        if (deps.onWritten && written.length > 0) await deps.onWritten(caller.organizationId, spec.name, written);
        return conflicts;
      },
    );
  }

  app.get(
    `${base}/stream`,
    { schema: { tags, summary: `Live ${spec.name}: text/event-stream of {documents, checkpoint} or "RESYNC"`, description: STREAM_LIMITS_DESCRIPTION, security: [{ bearer: [] }] } },
    (request, reply) => {
      const caller = requireCaller(request);
      if (!spec.canPull(caller)) throw new HttpError(403, 'forbidden', `Vous ne pouvez pas lire les documents « ${spec.name} ».`);
      openStream(request, reply, deps.hub, { organizationId: caller.organizationId, collections: new Set([spec.name]), tagged: false, learnerId: ownWork(caller).learnerId });
    },
  );
}

/** A student sees only the documents of their own learner id; everyone else their organisation's. */
function ownWork(caller: Caller): { learnerId?: string } {
  return caller.kind === 'learner' ? { learnerId: caller.learnerId } : {};
}

type StreamSubscription = Omit<Subscriber, 'res' | 'callerKey' | 'tokenHash'>;

/** Said in the OpenAPI description of both stream routes. */
const STREAM_LIMITS_DESCRIPTION =
  'At most 8 open streams per caller and a configured total per relay (MAX_EVENT_STREAMS, default 500): beyond, 429 `too_many_streams`. ' +
  'A stream ends when its token is revoked (sign-out, withdrawn lab machine) at once, and within 30 s when it expires.';

/** Opens an event stream for the caller, unless it or the relay already holds as many as allowed ([AUTH-6]). */
function openStream(request: FastifyRequest, reply: FastifyReply, hub: StreamHub, subscription: StreamSubscription): void {
  const caller = requireCaller(request);
  const key = callerKey(caller);
  const refusal = hub.refusal(key);
  if (refusal === 'caller') throw new HttpError(429, 'too_many_streams', 'Trop de flux de synchronisation ouverts pour ce poste ou ce compte : fermez des onglets, puis réessayez.');
  if (refusal === 'total') throw new HttpError(429, 'too_many_streams', 'Le relais a atteint son nombre maximal de flux de synchronisation ouverts : réessayez dans quelques instants.');
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  hub.subscribe({ ...subscription, callerKey: key, tokenHash: request.tokenHash ?? '', res });
}

/**
 * One connection for several collections: `event:` names the collection, "RESYNC" (unnamed) is for all of them.
 * Lab machines use it so that a few open tabs stay within the browser's six connections per origin.
 */
function combinedStreamRoute(app: FastifyInstance, deps: ReplicationDeps): void {
  const names = Object.keys(COLLECTIONS);
  app.get<{ Querystring: { collections: string } }>(
    '/api/replication/stream',
    {
      schema: {
        tags: ['replication'],
        summary: 'Live documents of several collections on one text/event-stream: `event: <collection>` with {documents, checkpoint}, or "RESYNC" for all',
        description: STREAM_LIMITS_DESCRIPTION,
        security: [{ bearer: [] }],
        querystring: {
          type: 'object',
          required: ['collections'],
          additionalProperties: false,
          properties: { collections: { type: 'string', pattern: `^(${names.join('|')})(,(${names.join('|')}))*$`, description: 'Comma-separated collection names' } },
        },
      },
    },
    (request, reply) => {
      const caller = requireCaller(request);
      const wanted = new Set(request.query.collections.split(','));
      for (const name of wanted) {
        const spec = COLLECTIONS[name as keyof typeof COLLECTIONS];
        if (!spec.canPull(caller)) throw new HttpError(403, 'forbidden', `Vous ne pouvez pas lire les documents « ${name} ».`);
      }
      openStream(request, reply, deps.hub, { organizationId: caller.organizationId, collections: wanted, tagged: true, learnerId: ownWork(caller).learnerId });
    },
  );
}

export function replicationRoutes(app: FastifyInstance, deps: ReplicationDeps): void {
  // A lab machine still running an older app after the relay was upgraded (or the reverse) is told to reload,
  // rather than having its documents refused one by one. Tools that send no version are not concerned.
  app.addHook('onRequest', (request, _reply, done) => {
    const spoken = request.url.startsWith('/api/replication/') ? request.headers['x-protocol-version'] : undefined;
    if (spoken !== undefined && spoken !== String(PROTOCOL_VERSION)) {
      done(new HttpError(426, 'protocol_mismatch', `Cette application parle la version ${String(spoken)} du protocole de synchronisation et le relais la version ${PROTOCOL_VERSION} : rechargez la page pour la mettre à jour.`));
      return;
    }
    done();
  });
  for (const spec of Object.values(COLLECTIONS)) routesFor(app, spec, deps);
  combinedStreamRoute(app, deps);
  app.addHook('preClose', (done) => {
    deps.hub.closeAll();
    done();
  });
}
