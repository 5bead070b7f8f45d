/** Students on the relay: sign-in by name and birth date or by personal code, and their own work only. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAnswer, makeAssessment } from '../../test/lab-client.ts';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { hashBirthDate } from '../use-cases/publish-roster.ts';

let relay: TestRelay;
let teacher: string;
let device: string;
beforeEach(async () => {
  relay = await startTestRelay();
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
  device = (await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacher}` }, payload: { name: 'Poste 3' } })).json<{ token: string }>().token;
});
afterEach(async () => relay.close());

const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

async function signIn(payload: object): Promise<{ status: number; token: string; body: Record<string, unknown> }> {
  const response = await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload });
  const body = response.json<Record<string, unknown>>();
  return { status: response.statusCode, token: typeof body.token === 'string' ? body.token : '', body };
}

async function pullIds(token: string, collection: string): Promise<{ status: number; ids: string[] }> {
  const response = await relay.app.inject({ method: 'GET', url: `/api/replication/${collection}/pull?seq=0&limit=1000`, headers: bearer(token) });
  const ids = response.statusCode === 200 ? response.json<{ documents: { id: string }[] }>().documents.map((d) => d.id) : [];
  return { status: response.statusCode, ids };
}

describe('POST /api/auth/learner', () => {
  it('signs a student in with the UAI, their name however typed and their birth date; anything wrong gets one 401 answer', async () => {
    const ok = await signIn({ uai: '0000000a', lastName: 'martin', firstName: 'CAMILLE', birthDate: '14/03/2010' });
    expect(ok.status).toBe(200);
    expect(ok.body.learner).toMatchObject({ id: 'demo-learner-01', lastName: 'MARTIN', firstName: 'Camille', className: '2NDE A' });

    const wrongDate = await signIn({ uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '15/03/2010' });
    const wrongSchool = await signIn({ uai: '9999999Z', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' });
    const unknown = await signIn({ uai: '0000000A', lastName: 'NOBODY', firstName: 'Camille', birthDate: '14/03/2010' });
    for (const refused of [wrongDate, wrongSchool, unknown]) {
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual(wrongDate.body);
    }
    expect((await signIn({ uai: '0000000A', lastName: 'MARTIN' })).status).toBe(400);
  });

  it('a teacher gives a personal code; it signs the student in, replaces the previous one, and reaches lab machines as a hash only', async () => {
    const issued = await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-02/personal-code', headers: bearer(teacher) });
    expect(issued.statusCode).toBe(201);
    const { code } = issued.json<{ code: string }>();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const byCode = await signIn({ uai: '0000000A', personalCode: code.toLowerCase().replace('-', ' ') });
    expect(byCode.status).toBe(200);
    expect(byCode.body.learner).toMatchObject({ id: 'demo-learner-02' });

    const pulled = await relay.app.inject({ method: 'GET', url: '/api/replication/learners/pull?seq=0&limit=1000', headers: bearer(device) });
    const doc = pulled.json<{ documents: { id: string; birthDateSalt: string; personalCodeHash?: string }[] }>().documents.find((d) => d.id === 'demo-learner-02');
    expect(doc?.personalCodeHash).toBe(await hashBirthDate(code.replace('-', ''), doc?.birthDateSalt ?? ''));
    expect(JSON.stringify(pulled.json())).not.toContain(code.replace('-', ''));

    const again = await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-02/personal-code', headers: bearer(teacher) });
    expect(again.json<{ code: string }>().code).not.toBe(code);
    expect((await signIn({ uai: '0000000A', personalCode: code })).status).toBe(401);
  });

  it('only teachers and admins of the school give codes', async () => {
    const invigilator = await loginAs(relay.app, 'surveillant@demo.local');
    expect((await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-02/personal-code', headers: bearer(invigilator) })).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-02/personal-code', headers: bearer(device) })).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-02/personal-code' })).statusCode).toBe(401);
    expect((await relay.app.inject({ method: 'POST', url: '/api/learners/no-such-learner/personal-code', headers: bearer(teacher) })).statusCode).toBe(404);
  });
});

describe('[SYNC-11] a student sees their own work and nothing else', () => {
  it('pulls only their answers, tests and roster entry; cannot push, nor read campaigns or the school content', async () => {
    const mine = makeAnswer({ id: 'as-mine:0', assessmentId: 'as-mine', learnerId: 'demo-learner-01' });
    const theirs = makeAnswer({ id: 'as-theirs:0', assessmentId: 'as-theirs', learnerId: 'demo-learner-02' });
    // Their tests first: the relay takes answers only into a test it holds ([SYNC-OWN-2]).
    const tests = [makeAssessment({ id: 'as-mine' }), makeAssessment({ id: 'as-theirs', learnerId: 'demo-learner-02' })];
    const pushedTests = await relay.app.inject({ method: 'POST', url: '/api/replication/assessments/push', headers: bearer(device), payload: tests.map((d) => ({ newDocumentState: d, assumedMasterState: null })) });
    expect(pushedTests.statusCode).toBe(200);
    const pushed = await relay.app.inject({
      method: 'POST',
      url: '/api/replication/answers/push',
      headers: bearer(device),
      payload: [mine, theirs].map((d) => ({ newDocumentState: d, assumedMasterState: null })),
    });
    expect(pushed.statusCode).toBe(200);
    const { token } = await signIn({ uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' });

    expect(await pullIds(token, 'answers')).toEqual({ status: 200, ids: ['as-mine:0'] });
    expect(await pullIds(token, 'learners')).toEqual({ status: 200, ids: ['demo-learner-01'] });
    expect((await pullIds(token, 'campaigns')).status).toBe(403);
    // The whole school's answers are still there for the teacher.
    expect((await pullIds(teacher, 'answers')).ids.sort()).toEqual(['as-mine:0', 'as-theirs:0']);

    const push = await relay.app.inject({ method: 'POST', url: '/api/replication/answers/push', headers: bearer(token), payload: [{ newDocumentState: makeAnswer({ id: 'as-mine:1', assessmentId: 'as-mine', learnerId: 'demo-learner-01', index: 1 }), assumedMasterState: null }] });
    expect(push.statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: bearer(token) })).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(token), payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'GET', url: '/api/content/packs/0123456789abcdef', headers: bearer(token) })).statusCode).toBe(403);
  });
});
