/**
 * Finalisation, scoring from the answers, results CSV, PDF attestations and public verification on a real relay:
 * [CERT-7] … [CERT-13]. The certification tests are played by the real engine and pushed as a lab machine would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCertification } from '../../src/core/flash/certification.ts';
import { CSV_BOM } from '../../src/core/exports/write-csv.ts';
import { COMPETENCE_IDS } from '../../src/core/referential.ts';
import type { EngineContent } from '../../src/core/replay/choose-next.ts';
import { bankPack } from '../../test/bank.ts';
import { engineContent, otherSchool, pushParticipation } from '../../test/campaign-relay.ts';
import { addCandidate, auth, createSession } from '../../test/certification-relay.ts';
import { enrolDevice, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { playTest } from '../demo/engine-played-logs.ts';
import type { PlayedTest } from '../demo/engine-played-logs.ts';

const T0 = 1_767_000_000_000;

interface CandidateRow {
  id: string;
  learnerId: string;
  lastName: string;
}

interface ResultRow {
  candidateId: string;
  lastName: string;
  outcome: { status: string; score?: number; competences?: { competenceId: string; level: number }[]; answerCount?: number; skippedAfterAbort?: number; reason?: string };
  verificationCode: string | null;
}

describe('certification finalisation and results', () => {
  let relay: TestRelay;
  let invigilator: string;
  let device: string;
  let content: EngineContent;
  let sessionId: string;
  let candidates: CandidateRow[];
  const logs = new Map<string, PlayedTest>();
  const byName = (name: string): CandidateRow => {
    const found = candidates.find((c) => c.lastName === name);
    if (!found) throw new Error(`no candidate ${name}`);
    return found;
  };

  beforeAll(async () => {
    relay = await startTestRelay({ pack: bankPack() });
    invigilator = await loginAs(relay.app, 'surveillant@demo.local');
    device = await enrolDevice(relay.app);
    content = engineContent(bankPack());
    sessionId = (await createSession(relay.app, invigilator, { date: '2026-12-08' })).id;
    const people = [
      { lastName: 'PETIT', firstName: 'Manon', birthDate: '27/09/2010', externalId: '=HYPERLINK("http://x")' },
      { lastName: 'DURAND', firstName: 'Enzo', birthDate: '03/04/2010' },
      { lastName: 'LEROY', firstName: 'Inès', birthDate: '12/12/2010' },
      { lastName: 'MOREAU', firstName: 'Louis', birthDate: '21/06/2010' },
      { lastName: 'SIMON', firstName: 'Jade', birthDate: '08/08/2010' },
    ];
    for (const person of people) {
      const added = await relay.app.inject({ method: 'POST', url: `/api/certification/sessions/${sessionId}/candidates`, headers: auth(invigilator), payload: person });
      if (added.statusCode !== 201) throw new Error(added.body);
      candidates = added.json<{ candidates: CandidateRow[] }>().candidates;
    }
    const play = (name: string, state: 'completed' | 'started', maxAnswers: number, right: (position: number) => boolean): PlayedTest => {
      const candidate = byName(name);
      const log = playTest(content, { id: `cert-${candidate.learnerId}`, learnerId: candidate.learnerId, kind: 'certification', sessionId, state, startedAt: T0, deviceId: 'poste-1', maxAnswers, right: (_c, p) => right(p) });
      logs.set(name, log);
      return log;
    };
    // PETIT: the whole test, one answer in three wrong. DURAND and LEROY: 10 answers, then gone. MOREAU: never started.
    await pushParticipation(relay.app, device, play('PETIT', 'completed', 32, (p) => p % 3 !== 2));
    await pushParticipation(relay.app, device, play('DURAND', 'started', 10, () => true));
    await pushParticipation(relay.app, device, play('LEROY', 'started', 10, () => true));
    // SIMON: a log whose sixth challenge is not the one the engine chose (a tampered machine).
    const honest = play('SIMON', 'completed', 32, () => true);
    const used = new Set(honest.answers.map((a) => a.challengeId));
    const intruder = content.flashBank().items.find((item) => !used.has(item.id));
    if (!intruder) throw new Error('the bank has more than 32 items');
    const tampered = { ...honest, answers: honest.answers.map((a) => (a.index === 5 ? { ...a, challengeId: intruder.id, value: { kind: 'choice' as const, selected: [1] } } : a)) };
    logs.set('SIMON', tampered);
    await pushParticipation(relay.app, device, tampered);
  }, 120_000);

  afterAll(async () => {
    await relay.close();
  });

  const finalise = (abortReasons: Record<string, string>) =>
    relay.app.inject({ method: 'POST', url: `/api/certification/sessions/${sessionId}/finalise`, headers: auth(invigilator), payload: { comment: 'RAS', hasIncident: false, hasJoiningIssue: true, abortReasons } });

  it('[CERT-7] a finalisation with a missing abort reason is refused, names the candidate and changes nothing', async () => {
    const refused = await finalise({ [byName('DURAND').id]: 'candidate' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({ error: 'abort_reason_missing', message: expect.stringContaining('LEROY Inès') as unknown });
    expect(refused.json<{ message: string }>().message).not.toContain('DURAND');
    const read = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}`, headers: auth(invigilator) });
    expect(read.json()).toMatchObject({ status: 'created', finalisation: null });
    const results = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}/results`, headers: auth(invigilator) });
    expect(results.statusCode).toBe(409);
  });

  it('[CERT-8] [CERT-9] [CERT-10] the relay scores every candidate from the answers alone, with the recorded abort reasons', async () => {
    const done = await finalise({ [byName('DURAND').id]: 'candidate', [byName('LEROY').id]: 'technical' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'processed', finalisation: { comment: 'RAS', hasIncident: false, hasJoiningIssue: true } });
    const again = await finalise({});
    expect(again.statusCode).toBe(409);

    const results = (await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}/results`, headers: auth(invigilator) })).json<ResultRow[]>();
    const of = (name: string): ResultRow => results.find((r) => r.lastName === name) ?? ({} as ResultRow);
    const bank = content.flashBank();
    const expected = (name: string, reason: 'candidate' | 'technical' | null) => {
      const log = logs.get(name);
      if (!log) throw new Error(name);
      return scoreCertification({ bank, seed: log.assessment.id, online: true }, log.answers, reason);
    };

    const petit = expected('PETIT', null);
    if (petit.status !== 'scored') throw new Error('PETIT should be scored');
    expect(of('PETIT').outcome).toEqual({
      status: 'scored',
      score: petit.score,
      level: petit.level,
      competences: petit.competences.map(({ competenceId, level }) => ({ competenceId, level })),
      answerCount: 32,
      skippedAfterAbort: 0,
    });
    expect(of('PETIT').verificationCode).toMatch(/^P-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);

    // [FLASH-17] a candidate abort: the 22 missing answers are scored as skipped.
    const durand = expected('DURAND', 'candidate');
    expect(of('DURAND').outcome).toMatchObject({ status: 'scored', answerCount: 10, skippedAfterAbort: 22, score: durand.status === 'scored' ? durand.score : -1 });
    // [FLASH-16] a technical abort below 20 answers cancels.
    expect(of('LEROY')).toMatchObject({ outcome: { status: 'cancelled', reason: 'technical-abort', answerCount: 10 }, verificationCode: null });
    expect(of('MOREAU')).toMatchObject({ outcome: { status: 'not-taken' }, verificationCode: null });
    // [CERT-9] flagged, never rescored.
    expect(of('SIMON')).toMatchObject({ outcome: { status: 'flagged', replay: { matches: false, firstMismatchIndex: 5, reason: 'other-challenge' } }, verificationCode: null });
    expect(of('SIMON').outcome.score).toBeUndefined();
  });

  it('[CERT-11] the results CSV has the columns of DOMAIN.md, a BOM, ";" and formula-safe cells', async () => {
    const response = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}/results.csv`, headers: auth(invigilator) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = response.body.slice(1).trimEnd().split('\r\n');
    expect(header?.split(';')).toEqual([
      'Numéro de certification', 'Nom', 'Prénom', 'Date de naissance', 'Lieu de naissance', 'Identifiant externe', 'Statut', 'Nombre de pix',
      ...COMPETENCE_IDS, 'Commentaire', 'Session', 'Centre', 'Date de passage',
    ]);
    expect(rows).toHaveLength(5);
    const petit = rows.find((r) => r.includes(';PETIT;'))?.split(';') ?? [];
    const scored = (await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}/results`, headers: auth(invigilator) })).json<ResultRow[]>().find((r) => r.lastName === 'PETIT');
    expect(petit.slice(1, 8)).toEqual(['PETIT', 'Manon', '27/09/2010', '', `"'=HYPERLINK(""http://x"")"`, 'Validée', String(scored?.outcome.score)]);
    expect(petit.slice(-4)).toEqual(['RAS', sessionId, 'Lycée de démonstration', '08/12/2026']);
    expect(rows.find((r) => r.includes(';LEROY;'))).toContain(';Annulée;');
    expect(rows.find((r) => r.includes(';MOREAU;'))).toContain(';Non passée;');
    expect(rows.find((r) => r.includes(';SIMON;'))).toContain(';À vérifier;');
  });

  it('[CERT-12] [CERT-13] a PDF attestation per scored candidate, verifiable publicly by its code and revealing nothing else', async () => {
    const results = (await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}/results`, headers: auth(invigilator) })).json<ResultRow[]>();
    const petit = results.find((r) => r.lastName === 'PETIT');
    const code = petit?.verificationCode ?? '';
    const pdf = await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}/candidates/${petit?.candidateId ?? ''}/attestation.pdf`, headers: auth(invigilator) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain(code);
    const leroy = results.find((r) => r.lastName === 'LEROY');
    expect((await relay.app.inject({ method: 'GET', url: `/api/certification/sessions/${sessionId}/candidates/${leroy?.candidateId ?? ''}/attestation.pdf`, headers: auth(invigilator) })).statusCode).toBe(404);

    const verified = await relay.app.inject({ method: 'GET', url: `/api/certification/verification/${code.toLowerCase()}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ lastName: 'PETIT', firstName: 'Manon', date: '2026-12-08', score: petit?.outcome.score, competences: petit?.outcome.competences });
    const unknown = await relay.app.inject({ method: 'GET', url: '/api/certification/verification/P-ZZZZZZZZ' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'attestation_not_found' });
    expect((await relay.app.inject({ method: 'GET', url: '/api/certification/verification/nimporte' })).json()).toEqual(unknown.json());
  });

  it('[CERT-14] another school sees none of the results', async () => {
    const other = await otherSchool(relay.store, Date.now());
    for (const url of [`/api/certification/sessions/${sessionId}/results`, `/api/certification/sessions/${sessionId}/results.csv`]) {
      expect((await relay.app.inject({ method: 'GET', url, headers: auth(other.admin) })).statusCode).toBe(404);
    }
    expect((await relay.app.inject({ method: 'POST', url: `/api/certification/sessions/${sessionId}/finalise`, headers: auth(other.admin), payload: { comment: '', hasIncident: false, hasJoiningIssue: false, abortReasons: {} } })).statusCode).toBe(404);
    const added = await addCandidate(relay.app, invigilator, sessionId, { lastName: 'ROUX', firstName: 'Jules', birthDate: '17/02/2010' });
    expect(added.statusCode).toBe(409);
  });
});
