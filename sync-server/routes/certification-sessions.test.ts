/**
 * Sessions and candidates on a real relay (SQLite file, inject()): [CERT-2] … [CERT-6], [CERT-14].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankPack } from '../../test/bank.ts';
import { engineContent, otherSchool } from '../../test/campaign-relay.ts';
import { addCandidate, auth, createSession, pushCertifiableProfile, SESSION_INPUT } from '../../test/certification-relay.ts';
import { enrolDevice, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { demoLearners } from '../demo/demo-school.ts';

const CODE_ALPHABET = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

describe('certification sessions and candidates', () => {
  let relay: TestRelay;
  let invigilator: string;
  let device: string;

  beforeAll(async () => {
    relay = await startTestRelay({ pack: bankPack() });
    invigilator = await loginAs(relay.app, 'surveillant@demo.local');
    device = await enrolDevice(relay.app);
  }, 60_000);

  afterAll(async () => {
    await relay.close();
  });

  it('[CERT-2] [CERT-14] an invigilator creates a session: access code and password in the alphabet, shown to staff only', async () => {
    const session = await createSession(relay.app, invigilator);
    expect(session.accessCode).toMatch(CODE_ALPHABET);
    expect(session.invigilatorPassword).toMatch(CODE_ALPHABET);
    const read = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${session.id}`, headers: auth(invigilator) });
    expect(read.json()).toMatchObject({ ...SESSION_INPUT, status: 'created', accessCode: session.accessCode, invigilatorPassword: session.invigilatorPassword, candidates: [] });
    // [CERT-1] the replicated document a lab machine pulls has no password.
    const pulled = await relay.app.inject({ method: 'GET', url: '/api/replication/certification-sessions/pull?seq=0&limit=100', headers: auth(device) });
    expect(pulled.statusCode).toBe(200);
    const doc = pulled.json<{ documents: Record<string, unknown>[] }>().documents.find((d) => d.id === session.id);
    expect(doc).toMatchObject({ accessCode: session.accessCode, room: 'Salle 12' });
    expect(JSON.stringify(doc)).not.toContain(session.invigilatorPassword);
  });

  it('[CERT-14] a session is edited; bad input is a 400 with a French message and changes nothing', async () => {
    const session = await createSession(relay.app, invigilator);
    const edited = await relay.app.inject({ method: 'PUT', url: `/api/certification/sessions/${session.id}`, headers: auth(invigilator), payload: { ...SESSION_INPUT, room: 'Salle 14', time: '15:30' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ room: 'Salle 14', time: '15:30', accessCode: session.accessCode });
    const bad = await relay.app.inject({ method: 'PUT', url: `/api/certification/sessions/${session.id}`, headers: auth(invigilator), payload: { ...SESSION_INPUT, date: '2026-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'bad_request', message: expect.stringContaining('la date doit être une date réelle') as unknown });
    const after = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${session.id}`, headers: auth(invigilator) });
    expect(after.json()).toMatchObject({ room: 'Salle 14', date: SESSION_INPUT.date });
  });

  it('[CERT-14] teachers, lab machines and callers without a token cannot manage sessions', async () => {
    const teacher = await loginAs(relay.app, 'enseignant@demo.local');
    expect((await relay.app.inject({ method: 'GET', url: '/api/certification/sessions', headers: auth(teacher) })).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'POST', url: '/api/certification/sessions', headers: auth(device), payload: SESSION_INPUT })).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'GET', url: '/api/certification/sessions' })).statusCode).toBe(401);
    const admin = await loginAs(relay.app, 'admin@demo.local');
    expect((await relay.app.inject({ method: 'GET', url: '/api/certification/sessions', headers: auth(admin) })).statusCode).toBe(200);
  });

  it('[CERT-3] [CERT-5] a candidate is matched to the roster and shown with their certifiability; an unknown one is refused', async () => {
    const session = await createSession(relay.app, invigilator);
    const added = await addCandidate(relay.app, invigilator, session.id, { lastName: 'martin', firstName: 'CAMILLE', birthDate: '14/03/2010', extraTimePercent: 33 });
    expect(added.statusCode).toBe(201);
    expect(added.json<{ candidates: unknown[] }>().candidates).toEqual([
      expect.objectContaining({ learnerId: 'demo-learner-01', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010', extraTimePercent: 33, certifiability: { certifiable: false, competenceCount: 0 } }),
    ]);
    const unknown = await addCandidate(relay.app, invigilator, session.id, { lastName: 'MARTIN', firstName: 'Camille', birthDate: '15/03/2010' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: 'invalid_candidates', errors: [{ line: null, message: expect.stringContaining("n'est pas un élève de l'établissement") as unknown }] });
    const twice = await addCandidate(relay.app, invigilator, session.id, { lastName: 'Martin', firstName: 'Camille', birthDate: '14/03/2010' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'already_enrolled' });
  });

  it('[CERT-3] a CSV import is all or nothing, with every line\'s errors', async () => {
    const session = await createSession(relay.app, invigilator);
    const bad = 'Nom;Prénom;Date de naissance;Temps majoré (%)\nBERNARD;Lucas;22/01/2010;0\nINCONNU;Personne;01/01/2010;0\nDUBOIS;Léa;31/02/2010;150\n';
    const refused = await relay.app.inject({ method: 'POST', url: `/api/certification/sessions/${session.id}/candidates/import`, headers: auth(invigilator), payload: { content: bad } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { line: number }[] }>().errors.map((e) => e.line)).toEqual([4, 4]);
    const unmatched = await relay.app.inject({ method: 'POST', url: `/api/certification/sessions/${session.id}/candidates/import`, headers: auth(invigilator), payload: { content: bad.split('\n').slice(0, 3).join('\n') } });
    expect(unmatched.statusCode).toBe(422);
    expect(unmatched.json<{ errors: { line: number }[] }>().errors.map((e) => e.line)).toEqual([3]);
    const read = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${session.id}`, headers: auth(invigilator) });
    expect(read.json<{ candidates: unknown[] }>().candidates).toEqual([]);
    const good = await relay.app.inject({ method: 'POST', url: `/api/certification/sessions/${session.id}/candidates/import`, headers: auth(invigilator), payload: { content: '\uFEFFNom;Prénom;Date de naissance\nBERNARD;Lucas;22/01/2010\nDUBOIS;Léa;05/07/2010\n' } });
    expect(good.statusCode).toBe(201);
    expect(good.json<{ candidates: { lastName: string }[] }>().candidates.map((c) => c.lastName)).toEqual(['BERNARD', 'DUBOIS']);
  });

  it('[CERT-4] at most 20 candidates: a 21st is refused with a clear message and nothing changes', async () => {
    const session = await createSession(relay.app, invigilator);
    const learners = demoLearners(0);
    const rows = learners.slice(0, 20).map((l) => `${l.lastName};${l.firstName};${l.birthDate.split('-').reverse().join('/')}`);
    const twenty = await relay.app.inject({ method: 'POST', url: `/api/certification/sessions/${session.id}/candidates/import`, headers: auth(invigilator), payload: { content: `Nom;Prénom;Date de naissance\n${rows.join('\n')}\n` } });
    expect(twenty.statusCode).toBe(201);
    const last = learners[20];
    if (!last) throw new Error('the demo class has 25 learners');
    const refused = await addCandidate(relay.app, invigilator, session.id, { lastName: last.lastName, firstName: last.firstName, birthDate: last.birthDate.split('-').reverse().join('/') });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ error: 'session_full', message: expect.stringContaining('20 candidats') as unknown });
    const read = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${session.id}`, headers: auth(invigilator) });
    expect(read.json<{ candidates: unknown[] }>().candidates).toHaveLength(20);
  });

  it('[CERT-6] [CERT-5] joining: wrong code, not enrolled and not certifiable are refused; a certifiable candidate gets in', async () => {
    const session = await createSession(relay.app, invigilator);
    await addCandidate(relay.app, invigilator, session.id, { lastName: 'THOMAS', firstName: 'Hugo', birthDate: '30/11/2009' });
    const join = (payload: Record<string, string>) => relay.app.inject({ method: 'POST', url: '/api/certification/join', headers: auth(device), payload });
    const hugo = { accessCode: session.accessCode, lastName: 'Thomas', firstName: 'hugo', birthDate: '30/11/2009' };

    const wrong = await join({ ...hugo, accessCode: 'ZZZZ22' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ error: 'session_not_found', message: expect.stringContaining("Code d'accès inconnu") as unknown });
    const notEnrolled = await join({ ...hugo, lastName: 'ROBERT', firstName: 'Chloé', birthDate: '18/05/2010' });
    expect(notEnrolled.json()).toMatchObject({ error: 'candidate_not_enrolled' });
    const notCertifiable = await join(hugo);
    expect(notCertifiable.statusCode).toBe(403);
    expect(notCertifiable.json()).toMatchObject({ error: 'not_certifiable', message: expect.stringContaining('au moins 5 compétences') as unknown });

    await pushCertifiableProfile(relay.app, device, engineContent(bankPack()), 'demo-learner-04', 1_767_000_000_000);
    const shown = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${session.id}`, headers: auth(invigilator) });
    expect(shown.json<{ candidates: { certifiability: { certifiable: boolean } }[] }>().candidates[0]?.certifiability.certifiable).toBe(true);
    const joined = await join({ ...hugo, accessCode: session.accessCode.toLowerCase() });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ sessionId: session.id, candidate: { learnerId: 'demo-learner-04', lastName: 'THOMAS', firstName: 'Hugo', extraTimePercent: 0 } });
    // Only a lab machine lets a candidate in.
    expect((await relay.app.inject({ method: 'POST', url: '/api/certification/join', headers: auth(invigilator), payload: hugo })).statusCode).toBe(403);
  }, 60_000);

  it('[CERT-14] [CERT-6] another school sees nothing: no session listed, a 404 by id, the code opens nothing from its machines', async () => {
    const session = await createSession(relay.app, invigilator);
    const other = await otherSchool(relay.store, Date.now());
    const listed = await relay.app.inject({ method: 'GET', url: '/api/certification/sessions', headers: auth(other.admin) });
    expect(listed.json()).toEqual([]);
    const read = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${session.id}`, headers: auth(other.admin) });
    expect(read.statusCode).toBe(404);
    const add = await addCandidate(relay.app, other.admin, session.id, { lastName: 'VOISIN', firstName: 'Alix', birthDate: '03/02/2011' });
    expect(add.statusCode).toBe(404);
    const join = await relay.app.inject({ method: 'POST', url: '/api/certification/join', headers: auth(other.device), payload: { accessCode: session.accessCode, lastName: 'VOISIN', firstName: 'Alix', birthDate: '03/02/2011' } });
    expect(join.statusCode).toBe(404);
    expect(join.json()).toMatchObject({ error: 'session_not_found' });
    const pulled = await relay.app.inject({ method: 'GET', url: '/api/replication/certification-sessions/pull?seq=0&limit=100', headers: auth(other.device) });
    expect(pulled.json<{ documents: unknown[] }>().documents).toEqual([]);
  });
});
