/** [DEVICE-STATUS-1..3] A lab machine tells the relay what it holds back; teachers read it per machine. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { issueToken } from '../auth/tokens.ts';

const START = Date.now();

let relay: TestRelay;
let teacher: string;
let device: { deviceId: string; token: string };
beforeEach(async () => {
  relay = await startTestRelay();
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
  device = (await relay.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(teacher), payload: { name: 'Poste 3' } })).json();
});
afterEach(async () => relay.close());

function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** A second school with its admin and one machine, created through the store (the relay has no sign-up). */
async function otherSchool(): Promise<{ admin: string; device: string }> {
  const organizationId = 'org2';
  await relay.store.createOrganization({ id: organizationId, name: 'Collège voisin', uai: '0000002B', createdAt: START });
  await relay.store.createUser({ id: 'org2-admin', organizationId, email: 'admin@voisin.example', firstName: 'Odile', lastName: 'Autre', passwordHash: 'unused', roles: ['admin'], createdAt: START });
  await relay.store.createDevice({ id: 'org2-device', organizationId, name: 'Salle 1 poste 1', enrolledBy: 'org2-admin', createdAt: START });
  return {
    admin: await issueToken(relay.store, { type: 'user', id: 'org2-admin', organizationId }, START),
    device: await issueToken(relay.store, { type: 'device', id: 'org2-device', organizationId }, START),
  };
}

const report = {
  pendingAnswers: 3,
  refusedCount: 1,
  refusedDocuments: [{ id: 'as-1:4', collection: 'answers', status: 400, code: 'bad_request', message: 'Requête invalide : timeSpentMs trop grand.', refusedAt: 1_767_225_600_000 }],
  contentVersion: '0123456789abcdef',
  appVersion: '0.1.0',
};

async function post(payload: unknown, token = device.token) {
  return relay.app.inject({ method: 'POST', url: '/api/devices/me/status', headers: bearer(token), payload: payload as object });
}

async function statuses(token = teacher) {
  return relay.app.inject({ method: 'GET', url: '/api/devices/statuses', headers: bearer(token) });
}

describe('POST /api/devices/me/status', () => {
  it('[DEVICE-STATUS-1] stores the latest report of the calling machine, which its school\'s teachers read per machine', async () => {
    const first = await post(report);
    expect(first.statusCode).toBe(200);
    expect(first.json<{ reportedAt: number }>().reportedAt).toEqual(expect.any(Number));
    expect((await post({ ...report, pendingAnswers: 0 })).statusCode).toBe(200);

    const listed = await statuses();
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([
      { deviceId: device.deviceId, name: 'Poste 3', ...report, pendingAnswers: 0, reportedAt: expect.any(Number) as unknown },
    ]);
  });

  it('[DEVICE-STATUS-2] only a lab machine reports, only teachers and admins read, and nobody sees another school\'s machines', async () => {
    expect((await post(report, teacher)).statusCode).toBe(403);
    // The role is checked before the body too: a teacher's malformed report is a 403, not schema details.
    expect((await post({ nonsense: true }, teacher)).statusCode).toBe(403);
    const anonymous = await relay.app.inject({ method: 'POST', url: '/api/devices/me/status', payload: report });
    expect(anonymous.statusCode).toBe(401);
    // The caller is checked before the body: no schema details for someone without a token.
    const anonymousInvalid = await relay.app.inject({ method: 'POST', url: '/api/devices/me/status', payload: { nonsense: true } });
    expect(anonymousInvalid.statusCode).toBe(401);
    expect(anonymousInvalid.json<{ message: string }>().message).not.toMatch(/nonsense|pendingAnswers/);
    expect((await statuses(device.token)).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'GET', url: '/api/devices/statuses' })).statusCode).toBe(401);

    await post(report);
    const other = await otherSchool();
    expect((await post({ ...report, pendingAnswers: 9 }, other.device)).statusCode).toBe(200);
    expect((await statuses()).json<{ deviceId: string }[]>().map((s) => s.deviceId)).toEqual([device.deviceId]);
    expect((await statuses(other.admin)).json<{ deviceId: string; pendingAnswers: number }[]>()).toEqual([expect.objectContaining({ deviceId: 'org2-device', pendingAnswers: 9 })]);
  });

  it('[DEVICE-STATUS-3] a malformed report is refused with a French JSON error and changes nothing', async () => {
    await post(report);
    const bad = [
      { ...report, pendingAnswers: -1 },
      { ...report, refusedDocuments: [{ id: 'x', collection: 'answers', status: 400, code: 'bad_request', refusedAt: 1 }] },
      { ...report, refusedDocuments: Array.from({ length: 101 }, (_, i) => ({ ...report.refusedDocuments[0], id: `a${i}` })) },
      { ...report, extra: true },
      { pendingAnswers: 1 },
    ];
    for (const payload of bad) {
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: 'bad_request', message: expect.stringMatching(/^Requête invalide/) as unknown });
    }
    expect((await statuses()).json()).toEqual([expect.objectContaining({ pendingAnswers: 3, refusedCount: 1 })]);
  });
});
