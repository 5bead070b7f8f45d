/**
 * The relay as a Fastify instance that does not listen (tests use inject(); server.ts listens).
 * Routes validate with JSON schemas, call a use case and reply; use cases know no HTTP.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { addressKey } from './auth/address-key.ts';
import { registerAuthGuard } from './auth/auth-guard.ts';
import { callerKey, resolveCaller, resolveTokenHash } from './auth/caller.ts';
import { DeviceContacts } from './auth/device-contacts.ts';
import { SignInLimits } from './auth/sign-in-limits.ts';
import type { SignInLimitSettings } from './auth/sign-in-limits.ts';
import { watchStreamTokens } from './auth/stream-revocation.ts';
import { fastifyTrustProxy } from './auth/trust-proxy.ts';
import type { TrustProxy } from './config.ts';
import { ContentLibrary } from './content/content-library.ts';
import { findContentManifest, readContentPack } from './content/shipped-pack.ts';
import { RecomputeQueue } from './results/recompute-queue.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { certificationRoutes } from './routes/certification.ts';
import { campaignFollowUpRoutes } from './routes/campaign-follow-up.ts';
import { learnerRoutes } from './routes/learners.ts';
import { learnerRosterRoutes } from './routes/learner-roster.ts';
import { registerErrorHandling } from './errors.ts';
import { authRoutes } from './routes/auth.ts';
import { contentRoutes } from './routes/content.ts';
import { contentPackRoutes } from './routes/content-packs.ts';
import { deviceRoutes } from './routes/devices.ts';
import { deviceStatusRoutes } from './routes/device-status.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { teamRoutes } from './routes/team.ts';
import { InvitationLimits } from './auth/invitation-limits.ts';
import type { InvitationLimitSettings } from './auth/invitation-limits.ts';
import { healthRoutes } from './routes/health.ts';
import { replicationRoutes } from './routes/replication.ts';
import { StreamHub } from './replication/stream-hub.ts';
import type { StreamLimits } from './replication/stream-hub.ts';
import { learnerSignInModeRoutes } from './routes/learner-sign-in-mode.ts';
import { registerStaticApp } from './static-app.ts';
import type { ContentManifest } from '../src/core/content/types.ts';
import type { Store } from './store/store.ts';
import { RELAY_VERSION } from './version.ts';

export interface AppOptions {
  store: Store;
  /** Folder of the built PWA (vite build output). */
  distDir: string;
  /** Folders searched for content/manifest.json, in order (default: distDir). */
  contentDirs?: string[];
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute per device, user or address (a lab shares one address, so callers are keyed by token). */
  rateLimitPerMinute?: number;
  /** Whose X-Forwarded-For to believe ([AUTH-2]); default: nobody's. */
  trustProxy?: TrustProxy;
  /** Sign-in attempt allowances ([AUTH-3], [AUTH-4]); defaults in auth/sign-in-limits.ts. */
  signInLimits?: Partial<SignInLimitSettings>;
  /** Wrong invitation codes allowed per address ([TEAM-5]); defaults in auth/invitation-limits.ts. */
  invitationLimits?: Partial<InvitationLimitSettings>;
  /** Open event streams per caller and in total ([AUTH-6]). */
  streamLimits?: Partial<StreamLimits>;
  /** How often the tokens of open streams are checked again (default 30 s). */
  streamCheckIntervalMs?: number;
}

/** Largest accepted request body: a batch of answers from one lab machine fits well below. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The Content Security Policy the app runs under: everything from this origin, no inline scripts, inline styles
 * only as attributes (React's style props), workers and the service worker from this origin.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/** The shipped pack, or null when the manifest points at a file that is not there (a stale build). */
function readShipped(dir: string, manifest: ContentManifest) {
  try {
    return readContentPack(dir, manifest);
  } catch {
    return null;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    recompute: RecomputeQueue;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => Date.now());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    // Behind a school's reverse proxy the lab machines' addresses are in X-Forwarded-For, but only the proxies named
    // in TRUST_PROXY may say so: believed from anyone, it lets every request choose its own address ([AUTH-2]).
    trustProxy: fastifyTrustProxy(options.trustProxy),
  });
  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Relais Pix Lab', version: RELAY_VERSION, description: 'Relay of the offline-first assessment platform (see docs/SYNC.md).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
  });

  const contacts = new DeviceContacts(options.store);
  app.decorateRequest('caller', null);
  app.decorateRequest('tokenHash', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const resolved = await resolveCaller(options.store, request, now());
    request.caller = resolved?.caller ?? null;
    request.tokenHash = resolved?.tokenHash ?? null;
    if (resolved?.caller.kind === 'device') await contacts.seen(resolved.caller.deviceId, now());
  });

  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 1200,
    timeWindow: 60_000,
    // Key by who calls, as resolved from the parsed token ([AUTH-5]), not by address: twenty lab machines share one
    // school address. A request without a valid token counts against its address.
    keyGenerator: (request) => (request.caller ? callerKey(request.caller) : `address:${addressKey(request.ip)}`),
    allowList: (request) => !request.url.startsWith('/api/'),
  });
  registerAuthGuard(app);

  const contentDirs = options.contentDirs ?? [options.distDir];
  const content = findContentManifest(contentDirs);
  const library = new ContentLibrary(options.store, content && content.manifest.url.endsWith('.json') ? readShipped(content.dir, content.manifest) : null);
  await library.init(now());
  const recompute = new RecomputeQueue(options.store, library, now, (error) => app.log.error({ err: error }, 'recomputation failed'));
  app.decorate('recompute', recompute);
  const hub = new StreamHub(options.streamLimits);
  healthRoutes(app, { store: options.store, version: RELAY_VERSION });
  authRoutes(app, { store: options.store, now, limits: new SignInLimits(options.signInLimits), streams: hub });
  deviceRoutes(app, {
    store: options.store,
    now,
    onWithdrawn: (deviceId) => {
      hub.closeCaller(callerKey({ kind: 'device', deviceId, organizationId: '' }));
      contacts.forget(deviceId);
    },
  });
  contentRoutes(app, { manifest: content?.manifest ?? null });
  contentPackRoutes(app, { store: options.store, now });
  replicationRoutes(app, {
    store: options.store,
    hub,
    now,
    onWritten: (organizationId, collection, written) => {
      recompute.enqueue(organizationId, collection, written);
      return Promise.resolve();
    },
  });
  campaignRoutes(app, { store: options.store, library, now });
  campaignFollowUpRoutes(app, { store: options.store, library, recompute });
  learnerRoutes(app, { store: options.store, now });
  learnerRosterRoutes(app, { store: options.store, library, now, onRosterWritten: (organizationId, written) => hub.publish(organizationId, 'learners', written) });
  learnerSignInModeRoutes(app, { store: options.store });
  deviceStatusRoutes(app, { store: options.store, now });
  teamRoutes(app, { store: options.store, now, onMemberRemoved: (userId) => hub.closeCaller(callerKey({ kind: 'user', userId, organizationId: '', roles: [] })) });
  invitationRoutes(app, { store: options.store, now, limits: new InvitationLimits(options.invitationLimits) });
  certificationRoutes(app, { store: options.store, library, now, onWritten: (organizationId, written) => hub.publish(organizationId, 'certification-sessions', written) });
  watchStreamTokens(app, hub, async (tokenHash) => (await resolveTokenHash(options.store, tokenHash, now())) !== null, options.streamCheckIntervalMs);
  app.addHook('onClose', () => recompute.drain());
  app.get('/api/docs/json', { config: { auth: 'public' }, schema: { hide: true } }, () => app.swagger());

  await registerStaticApp(app, options.distDir);
  return app;
}
