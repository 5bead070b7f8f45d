/**
 * "Élèves" on the relay: importing student lists (all or nothing, re-imports), the teacher's list and class codes,
 * through the real relay (buildApp + inject) on a real SQLite file, with the fixture files of src/core/imports.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROKEN_LEARNER_FILES } from '../../src/core/imports/test-support/broken-learner-files.ts';
import { generatedSiecleFile, importLearnerFile, learnerFixture } from '../../test/learner-files.ts';
import { enrolDevice, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { hashPassword } from '../auth/password.ts';

/** 7 December 2026: after the sample's student left (15/10/2026). */
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);

let relay: TestRelay;
let teacher: string;
beforeEach(async () => {
  relay = await startTestRelay({ now: () => NOW });
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
});
afterEach(async () => relay.close());

const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

interface ListedLearner {
  id: string;
  lastName: string;
  firstName: string;
  className: string;
  birthDate: string;
  nationalId: string | null;
  certifiability: string;
}
interface LearnerList {
  organization: { name: string; uai: string };
  learners: ListedLearner[];
  classes: string[];
  lastImport: { fileName: string; format: string; created: number; disabled: number } | null;
}

async function list(token: string, query = ''): Promise<LearnerList> {
  const response = await relay.app.inject({ method: 'GET', url: `/api/learners${query}`, headers: bearer(token) });
  expect(response.statusCode).toBe(200);
  return response.json<LearnerList>();
}

/** Everything an import could change: the roster as stored, the documents lab machines pull, the import records. */
async function snapshot() {
  return {
    learners: await relay.store.listLearners('demo-org'),
    sequence: await relay.store.lastSequence(),
    imports: await relay.store.listLearnerImports('demo-org', 10),
  };
}

async function otherSchoolTeacher(): Promise<string> {
  await relay.store.createOrganization({ id: 'org-2', name: 'Collège voisin', uai: '0999999Z', createdAt: NOW });
  await relay.store.createUser({
    id: 'user-org-2',
    organizationId: 'org-2',
    email: 'prof@voisin.example',
    firstName: 'Paul',
    lastName: 'Voisin',
    passwordHash: await hashPassword('mot-de-passe-voisin'),
    roles: ['admin'],
    createdAt: NOW,
  });
  return loginAs(relay.app, 'prof@voisin.example', 'mot-de-passe-voisin');
}

describe('[LEARNERS-1] a broken file imports nothing: 422 with every error and its line', () => {
  it.each(BROKEN_LEARNER_FILES)('$file ($defect)', async ({ file, format, line, message }) => {
    const before = await snapshot();
    const response = await importLearnerFile(relay.app, teacher, format, learnerFixture(file), file);
    expect(response.statusCode).toBe(422);
    const body = response.json<{ error: string; message: string; errors: { line: number | null; message: string }[] }>();
    expect(body.error).toBe('invalid_file');
    expect(body.message).toMatch(/^Le fichier contient \d+ erreurs? ; aucun élève n'a été importé\.$/);
    expect(body.errors[0]).toEqual({ line, message: expect.stringMatching(message) as unknown });
    expect(await snapshot()).toEqual(before);
  });

  it('a request that is not a file import is a 400 in French and changes nothing', async () => {
    const before = await snapshot();
    const notBase64 = await relay.app.inject({ method: 'POST', url: '/api/learners/import', headers: bearer(teacher), payload: { format: 'csv', fileName: 'x.csv', content: 'pas du base64 !' } });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json()).toEqual({ error: 'bad_request', message: "Requête invalide : le contenu du fichier n'est pas en base64." });
    const unknownFormat = await relay.app.inject({ method: 'POST', url: '/api/learners/import', headers: bearer(teacher), payload: { format: 'xlsx', fileName: 'x', content: '' } });
    expect(unknownFormat.statusCode).toBe(400);
    expect(unknownFormat.json<{ error: string }>().error).toBe('bad_request');
    expect(await snapshot()).toEqual(before);
  });
});

describe('[LEARNERS-2] valid files import every student', () => {
  it('the SIECLE sample: students created, the namesake of the demo class matched by name and birth date, the absent disabled, the one who left skipped', async () => {
    const device = await enrolDevice(relay.app, 'Poste 1');
    const response = await importLearnerFile(relay.app, teacher, 'siecle', learnerFixture('siecle-eleves-sans-adresse.xml'), 'siecle-eleves-sans-adresse.xml');
    expect(response.statusCode).toBe(200);
    // ÇELIK Emre, born 15/12/2009, is in the demo class: matched, moved to 1ERE STMG 2; the 24 others are disabled.
    expect(response.json()).toEqual({ created: 3, updated: 1, unchanged: 0, disabled: 24, skipped: 1, encoding: 'iso-8859-15' });

    const listed = await list(teacher);
    expect(listed.organization).toEqual({ name: 'Lycée de démonstration', uai: '0000000A' });
    expect(listed.classes).toEqual(['1ERE STMG 2', '2NDE C']);
    expect(listed.learners.map((l) => [l.className, l.lastName, l.firstName, l.nationalId, l.certifiability])).toEqual([
      ['1ERE STMG 2', 'ÇELIK', 'Emre', '071234570DD', 'unknown'],
      ['1ERE STMG 2', 'GARCÍA LÓPEZ', 'Zoé', '071234569CC', 'unknown'],
      ['2NDE C', 'LEROY', 'Inès', '071234567AA', 'unknown'],
      ['2NDE C', "N'DIAYE", 'Moussa', '071234568BB', 'unknown'],
    ]);
    expect(listed.learners.find((l) => l.lastName === 'ÇELIK')?.id).toBe('demo-learner-25');
    expect(listed.lastImport).toMatchObject({ fileName: 'siecle-eleves-sans-adresse.xml', format: 'siecle', created: 3, disabled: 24 });
    expect((await list(teacher, '?className=2NDE%20C')).learners.map((l) => l.lastName)).toEqual(['LEROY', "N'DIAYE"]);
    expect((await list(teacher, '?certifiability=certifiable')).learners).toEqual([]);

    // Lab machines get the new roster: new students with a birth date hash, the disabled ones inactive.
    const pulled = await relay.app.inject({ method: 'GET', url: '/api/replication/learners/pull?seq=0&limit=1000', headers: bearer(device) });
    const docs = pulled.json<{ documents: { id: string; lastName: string; className: string; active: boolean; birthDateHash: string }[] }>().documents;
    const latest = new Map(docs.map((d) => [d.id, d]));
    expect([...latest.values()].filter((d) => d.active).map((d) => d.lastName).sort()).toEqual(['GARCÍA LÓPEZ', 'LEROY', "N'DIAYE", 'ÇELIK']);
    expect(latest.get('demo-learner-01')).toMatchObject({ lastName: 'MARTIN', active: false });
    expect(latest.get('demo-learner-25')).toMatchObject({ className: '1ERE STMG 2', active: true });
    expect(JSON.stringify(docs)).not.toContain('2009-12-15');

    // A disabled student can no longer sign in on the relay; their account and answers stay.
    const martin = await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload: { uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' } });
    expect(martin.statusCode).toBe(401);
    const leroy = await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload: { uai: '0000000A', lastName: 'LEROY', firstName: 'Ines', birthDate: '12/09/2009' } });
    expect(leroy.statusCode).toBe(200);
  });

  it('the Fregata sample and the simple CSV; a formula-looking name is stored and listed as text', async () => {
    const fregata = await importLearnerFile(relay.app, teacher, 'fregata', learnerFixture('fregata-apprenants.csv'));
    expect(fregata.json()).toEqual({ created: 2, updated: 0, unchanged: 0, disabled: 25, skipped: 0, encoding: 'windows-1252' });
    expect((await list(teacher)).learners.map((l) => `${l.className} ${l.lastName} ${l.firstName} ${l.birthDate}`)).toEqual([
      'BTSA 1 LAMBERT Chloé 2007-11-09',
      'BTSA 1 MOREAU Louis 2008-04-21',
    ]);

    const simple = await importLearnerFile(relay.app, teacher, 'csv', learnerFixture('simple-eleves.csv'));
    expect(simple.json()).toEqual({ created: 4, updated: 0, unchanged: 0, disabled: 2, skipped: 0, encoding: 'utf-8' });
    expect((await list(teacher)).learners.map((l) => l.lastName)).toEqual(['=HYPERLINK("http://exemple.invalid")', 'BŒUF', 'DUPONT', 'N’GUYEN']);
  });
});

describe('[LEARNERS-3] a re-import disables the absent and brings back the returning', () => {
  it('an unchanged re-import changes nothing; a shorter list disables; the full list again re-enables the same learners', async () => {
    const siecle = learnerFixture('siecle-eleves-sans-adresse.xml');
    await importLearnerFile(relay.app, teacher, 'siecle', siecle);
    const ids = new Map((await list(teacher)).learners.map((l) => [l.lastName, l.id]));

    const sequence = await relay.store.lastSequence();
    const again = await importLearnerFile(relay.app, teacher, 'siecle', siecle);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 4, disabled: 0, skipped: 1, encoding: 'iso-8859-15' });
    expect(await relay.store.lastSequence()).toBe(sequence);

    const two = Buffer.from('Nom;Prénom;Date de naissance;Classe;INE\nLEROY;Inès;12/09/2009;2NDE C;071234567AA\nÇELIK;Emre;15/12/2009;1ERE STMG 2;\n', 'utf8');
    expect((await importLearnerFile(relay.app, teacher, 'csv', two)).json()).toEqual({ created: 0, updated: 0, unchanged: 2, disabled: 2, skipped: 0, encoding: 'utf-8' });
    expect((await list(teacher)).learners.map((l) => l.lastName)).toEqual(['ÇELIK', 'LEROY']);
    const disabled = await relay.store.getLearners([ids.get("N'DIAYE") ?? '']);
    expect(disabled).toMatchObject([{ active: false, nationalId: '071234568BB' }]);

    expect((await importLearnerFile(relay.app, teacher, 'siecle', siecle)).json()).toEqual({ created: 0, updated: 2, unchanged: 2, disabled: 0, skipped: 1, encoding: 'iso-8859-15' });
    expect(new Map((await list(teacher)).learners.map((l) => [l.lastName, l.id]))).toEqual(ids);
  });

  it('a 5,000-student SIECLE file imports whole (time and memory printed, not asserted), and its re-import hashes nothing again', async () => {
    const file = generatedSiecleFile(5_000, '0000000A');
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const response = await importLearnerFile(relay.app, teacher, 'siecle', file, 'grand-lycee.xml');
    const elapsed = performance.now() - started;
    const heapAfter = process.memoryUsage().heapUsed;
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: 5_000, disabled: 25, skipped: 0 });
    const reStarted = performance.now();
    const again = await importLearnerFile(relay.app, teacher, 'siecle', file, 'grand-lycee.xml');
    const reElapsed = performance.now() - reStarted;
    expect(again.json()).toMatchObject({ created: 0, unchanged: 5_000 });
    const listed = await list(teacher);
    expect(listed.learners).toHaveLength(5_000);
    expect(listed.classes).toHaveLength(30);
    console.log(
      `[LEARNERS-2] 5,000 students, ${(file.length / 1e6).toFixed(1)} MB of SIECLE XML: import ${Math.round(elapsed)} ms, re-import ${Math.round(reElapsed)} ms, ` +
        `heap ${Math.round(heapBefore / 1e6)} → ${Math.round(heapAfter / 1e6)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
    );
  }, 180_000);
});

describe('[LEARNERS-5] personal codes for a class, to print', () => {
  it('draws a code for every active student of the class; each signs its student in', async () => {
    const response = await relay.app.inject({ method: 'POST', url: '/api/learners/personal-codes', headers: bearer(teacher), payload: { className: '2NDE A' } });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { codes } = response.json<{ codes: { learnerId: string; lastName: string; code: string }[] }>();
    expect(codes).toHaveLength(25);
    expect(new Set(codes.map((c) => c.code)).size).toBe(25);
    const camille = codes.find((c) => c.lastName === 'MARTIN');
    const signIn = await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload: { uai: '0000000A', personalCode: camille?.code } });
    expect(signIn.json<{ learner: { id: string } }>().learner.id).toBe('demo-learner-01');
    const none = await relay.app.inject({ method: 'POST', url: '/api/learners/personal-codes', headers: bearer(teacher), payload: { className: '6E B' } });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toEqual({ error: 'not_found', message: 'Aucun élève actif dans la classe « 6E B ».' });
  });
});

describe('[LEARNERS-6] only the school’s own teachers and admins', () => {
  it('a teacher of another school can neither list, import into, nor draw codes for this one', async () => {
    const stranger = await otherSchoolTeacher();
    const before = await snapshot();
    expect((await list(stranger)).learners).toEqual([]);
    expect((await list(stranger, '?className=2NDE%20A')).learners).toEqual([]);
    // Their import goes to their own school: this school's SIECLE file is refused there (wrong UAI)…
    const refused = await importLearnerFile(relay.app, stranger, 'siecle', learnerFixture('siecle-eleves-sans-adresse.xml'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { message: string }[] }>().errors[0]?.message).toMatch(/établissement 0000000A, pas du vôtre \(0999999Z\)/);
    // …and a CSV lands in their school only.
    const own = await importLearnerFile(relay.app, stranger, 'csv', learnerFixture('simple-eleves.csv'));
    expect(own.json()).toMatchObject({ created: 4, disabled: 0 });
    const codes = await relay.app.inject({ method: 'POST', url: '/api/learners/personal-codes', headers: bearer(stranger), payload: { className: '2NDE A' } });
    expect(codes.statusCode).toBe(404);
    expect(await snapshot()).toEqual({ ...before, sequence: await relay.store.lastSequence() });
    expect((await list(teacher)).learners).toHaveLength(25);
    expect((await list(stranger)).learners.map((l) => l.lastName)).not.toContain('MARTIN');
  });

  it('invigilators, lab machines and students get 403, nobody 401, before the body is read', async () => {
    const invigilator = await loginAs(relay.app, 'surveillant@demo.local');
    const device = await enrolDevice(relay.app);
    const student = (await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload: { uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' } })).json<{ token: string }>().token;
    const file = learnerFixture('simple-eleves.csv');
    for (const token of [invigilator, device, student]) {
      expect((await importLearnerFile(relay.app, token, 'csv', file)).statusCode).toBe(403);
      expect((await relay.app.inject({ method: 'GET', url: '/api/learners', headers: bearer(token) })).statusCode).toBe(403);
      expect((await relay.app.inject({ method: 'POST', url: '/api/learners/personal-codes', headers: bearer(token), payload: { className: '2NDE A' } })).statusCode).toBe(403);
    }
    const anonymous = await relay.app.inject({ method: 'POST', url: '/api/learners/import', payload: { format: 'csv', fileName: 'x', content: '' } });
    expect(anonymous.statusCode).toBe(401);
    expect((await relay.app.inject({ method: 'GET', url: '/api/learners' })).statusCode).toBe(401);
    expect((await list(teacher)).learners).toHaveLength(25);
  });
});
