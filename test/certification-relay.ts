/**
 * Certification on a test relay: sessions created and candidates enrolled through the HTTP routes as an invigilator
 * would, and profiles or certification tests pushed as a lab machine would (tests played by the real engine).
 */
import type { FastifyInstance } from 'fastify';
import type { CompetenceId } from '../src/core/referential.ts';
import type { EngineContent } from '../src/core/replay/choose-next.ts';
import { competenceUpToLevel } from '../sync-server/demo/engine-played-logs.ts';
import { pushParticipation } from './campaign-relay.ts';

export const SESSION_INPUT = { room: 'Salle 12', address: '3 rue des Écoles, Lyon', date: '2026-12-08', time: '14:00', examiner: 'Sarah Surveillant', description: 'Session test' };

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function createSession(app: FastifyInstance, token: string, input: Partial<typeof SESSION_INPUT> = {}): Promise<{ id: string; accessCode: string; invigilatorPassword: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/certification/sessions', headers: auth(token), payload: { ...SESSION_INPUT, ...input } });
  if (response.statusCode !== 201) throw new Error(`session: ${response.statusCode} ${response.body}`);
  return response.json();
}

export function addCandidate(app: FastifyInstance, token: string, sessionId: string, candidate: { lastName: string; firstName: string; birthDate: string; extraTimePercent?: number }) {
  return app.inject({ method: 'POST', url: `/api/certification/sessions/${sessionId}/candidates`, headers: auth(token), payload: candidate });
}

/** Five competence tests answered right up to level 3, pushed by a lab machine: a certifiable profile. */
export async function pushCertifiableProfile(app: FastifyInstance, deviceToken: string, content: EngineContent, learnerId: string, startedAt: number): Promise<void> {
  const competences: CompetenceId[] = ['1.1', '2.1', '3.1', '4.1', '5.1'];
  for (const [i, competenceId] of competences.entries()) {
    await pushParticipation(app, deviceToken, competenceUpToLevel(content, { id: `profile-${learnerId}-${competenceId}`, learnerId, competenceId, level: 3, startedAt: startedAt + i * 60_000, deviceId: 'poste-1' }));
  }
}
