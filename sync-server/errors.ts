/**
 * Every error leaves the relay as JSON `{"error","message"}` (SYNC.md): never an HTML page, never a stack trace.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

interface ErrorBody {
  error: string;
  message: string;
}

function toBody(error: FastifyError | HttpError | Error): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) return { status: error.statusCode, body: { error: error.code, message: error.message } };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return { status: 400, body: { error: 'bad_request', message: `Requête invalide : ${fastifyError.message}.` } };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return { status, body: { error: 'payload_too_large', message: 'Requête trop volumineuse.' } };
  if (status === 415) return { status, body: { error: 'unsupported_media_type', message: 'Type de contenu non pris en charge : envoyez du JSON.' } };
  if (status === 429) return { status, body: { error: 'rate_limited', message: 'Trop de requêtes : réessayez dans quelques instants.' } };
  if (status >= 400 && status < 500) {
    return { status, body: { error: fastifyError.code ? fastifyError.code.toLowerCase() : 'bad_request', message: fastifyError.message } };
  }
  return { status: 500, body: { error: 'internal', message: 'Erreur interne du relais : réessayez, puis prévenez le référent numérique.' } };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { status, body } = toBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}
