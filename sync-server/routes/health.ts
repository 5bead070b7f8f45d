import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';

export function healthRoutes(app: FastifyInstance, deps: { store: Store; version: string }): void {
  app.get(
    '/api/health',
    {
      config: { rateLimit: false, auth: 'public' },
      schema: {
        tags: ['relay'],
        summary: 'Liveness of the relay and which storage it runs on',
        response: {
          200: {
            type: 'object',
            required: ['status', 'version', 'storage'],
            properties: { status: { const: 'ok' }, version: { type: 'string' }, storage: { enum: ['sqlite', 'postgres'] } },
          },
        },
      },
    },
    () => ({ status: 'ok' as const, version: deps.version, storage: deps.store.kind }),
  );
}
