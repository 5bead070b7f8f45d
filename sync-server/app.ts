/**
 * The relay as a Fastify instance that does not listen (tests use inject(); server.ts listens).
 * Routes validate with JSON schemas, call a use case and reply; use cases know no HTTP.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createHash } from 'node:crypto';
import { resolveCaller } from './auth/caller.ts';
import { ContentLibrary } from './content/content-library.ts';
import { findContentManifest, readContentPack } from './content/shipped-pack.ts';
import { RecomputeQueue } from './results/recompute-queue.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { learnerRoutes } from './routes/learners.ts';
import { registerErrorHandling } from './errors.ts';
import { authRoutes } from './routes/auth.ts';
import { contentRoutes } from './routes/content.ts';
import { contentPackRoutes } from './routes/content-packs.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { replicationRoutes } from './routes/replication.ts';
import { StreamHub } from './replication/stream-hub.ts';
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
    // A relay behind a school's reverse proxy sees the lab machines' addresses in X-Forwarded-For.
    trustProxy: true,
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

  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) request.caller = await resolveCaller(options.store, request, now());
  });

  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 1200,
    timeWindow: 60_000,
    // Key by who calls, not by address: twenty lab machines share one school address.
    keyGenerator: (request) => {
      const auth = request.headers.authorization;
      return auth ? `token:${createHash('sha256').update(auth).digest('hex').slice(0, 32)}` : `ip:${request.ip}`;
    },
    allowList: (request) => !request.url.startsWith('/api/'),
  });

  const contentDirs = options.contentDirs ?? [options.distDir];
  const content = findContentManifest(contentDirs);
  const library = new ContentLibrary(options.store, content && content.manifest.url.endsWith('.json') ? readShipped(content.dir, content.manifest) : null);
  await library.init(now());
  const recompute = new RecomputeQueue(options.store, library, now, (error) => app.log.error({ err: error }, 'recomputation failed'));
  app.decorate('recompute', recompute);
  healthRoutes(app, { store: options.store, version: RELAY_VERSION });
  authRoutes(app, { store: options.store, now });
  deviceRoutes(app, { store: options.store, now });
  contentRoutes(app, { manifest: content?.manifest ?? null });
  contentPackRoutes(app, { store: options.store, now });
  const hub = new StreamHub();
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
  learnerRoutes(app, { store: options.store, now });
  app.addHook('onClose', () => recompute.drain());
  app.get('/api/docs/json', { schema: { hide: true } }, () => app.swagger());

  await registerStaticApp(app, options.distDir);
  return app;
}
