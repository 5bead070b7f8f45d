import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.ts';
import type { ContentManifest } from '../../src/core/content/types.ts';

export function contentRoutes(app: FastifyInstance, deps: { manifest: ContentManifest | null }): void {
  app.get(
    '/api/content/manifest',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['content'],
        summary: 'The current content pack: its version and where to fetch it',
        response: { 200: { type: 'object', required: ['version', 'url'], properties: { version: { type: 'string' }, url: { type: 'string' } } } },
      },
    },
    (_request, reply) => {
      if (!deps.manifest) throw new HttpError(503, 'content_unavailable', "Aucun paquet de contenu n'est installé sur ce relais (npm run content:build).");
      return reply.header('Cache-Control', 'no-cache').send(deps.manifest);
    },
  );
}
