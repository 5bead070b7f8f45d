/**
 * Serves the built PWA. Hashed files are immutable; the entry points a browser must re-check (index.html, the
 * service worker, the web manifest, the content manifest) are never cached as immutable. Unknown paths outside
 * /api fall back to index.html so that deep links (/campagnes/ABCDEF234) work.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HttpError } from './http-error.ts';

const REVALIDATE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files whose names carry a content hash (Vite assets, Workbox runtime, content packs). */
const HASHED = /^\/(assets\/|workbox-[\w-]+\.js$|content\/pack-[0-9a-f]+\.json$)/;

export function cacheControlFor(urlPath: string): string {
  return HASHED.test(urlPath) ? IMMUTABLE : REVALIDATE;
}

export async function registerStaticApp(app: FastifyInstance, distDir: string): Promise<void> {
  const hasBuild = existsSync(join(distDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders(res, path) {
        const urlPath = '/' + path.slice(distDir.length).replace(/^[/\\]+/, '').replaceAll('\\', '/');
        res.setHeader('Cache-Control', cacheControlFor(urlPath));
        if (urlPath.startsWith('/content/attachments/')) res.setHeader('Content-Disposition', 'attachment');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    if (hasBuild && wantsPage) {
      return reply.header('Cache-Control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
    }
    throw new HttpError(404, 'not_found', `Ressource introuvable : ${request.method} ${path}`);
  });
}
