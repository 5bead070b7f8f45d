import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { checkBank } from '../../scripts/content/check-bank.ts';
import { withVersion } from '../content/pack-version.ts';
import { REPO_ROOT } from '../../scripts/content/repo-paths.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import { issueToken } from '../auth/tokens.ts';
import { PACK_IMPORT_BODY_LIMIT_BYTES } from './content-packs.ts';

const START = 1_767_225_600_000;
const OTHER_ORG = { id: 'org-2', name: 'Collège voisin', uai: '0999999Z', createdAt: START };

/** The CSV example of content/FORMAT.md: what the documentation shows is what an admin can import. */
function documentedCsv(): string {
  const format = readFileSync(join(REPO_ROOT, 'content/FORMAT.md'), 'utf8');
  const block = /## Simple CSV import[\s\S]*?```csv\n([\s\S]*?)```/.exec(format)?.[1];
  if (!block) throw new Error('FORMAT.md has no CSV example');
  return block;
}

function fixturePack(): ContentPack {
  const { compiled, errors } = checkBank({ contentDir: join(REPO_ROOT, 'scripts/content/fixtures/valid'), root: REPO_ROOT });
  if (errors.length > 0) throw new Error('the valid fixture is broken');
  return withVersion(compiled.pack);
}

interface Summary {
  version: string;
  name: string;
  format: string;
  challengeCount: number;
  importedAt: number;
}

describe('content pack import routes', () => {
  let relay: TestRelay;
  let clock: number;
  let admin: string;
  let member: string;

  beforeEach(async () => {
    clock = START;
    relay = await startTestRelay({ now: () => clock });
    admin = await loginAs(relay.app, 'admin@demo.local');
    member = await loginAs(relay.app, 'enseignant@demo.local');
  });

  afterEach(async () => {
    await relay.close();
  });

  function importPack(token: string, body: Record<string, unknown>) {
    return relay.app.inject({ method: 'POST', url: '/api/content/packs', headers: { authorization: `Bearer ${token}` }, payload: body });
  }

  function get(token: string, url: string) {
    return relay.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  }

  /** An admin of a second school, created through the store (the relay has no organisation sign-up). */
  async function otherSchool(): Promise<{ admin: string; device: string }> {
    await relay.store.createOrganization(OTHER_ORG);
    await relay.store.createUser({ id: 'org2-admin', organizationId: OTHER_ORG.id, email: 'admin@voisin.example', firstName: 'Odile', lastName: 'Autre', passwordHash: 'unused', roles: ['admin'], createdAt: START });
    await relay.store.createDevice({ id: 'org2-device', organizationId: OTHER_ORG.id, name: 'Salle 1 poste 1', enrolledBy: 'org2-admin', createdAt: START });
    return {
      admin: await issueToken(relay.store, { type: 'user', id: 'org2-admin', organizationId: OTHER_ORG.id }, clock),
      device: await issueToken(relay.store, { type: 'device', id: 'org2-device', organizationId: OTHER_ORG.id }, clock),
    };
  }

  it('imports the documented CSV for the admin, lists it and serves it to the school with long cache headers', async () => {
    const response = await importPack(admin, { format: 'csv', name: '  Mots-clés de 2NDE ', text: documentedCsv() });
    expect(response.statusCode).toBe(201);
    const record = response.json<Summary>();
    expect(record).toEqual({ version: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown, name: 'Mots-clés de 2NDE', format: 'csv', challengeCount: 2, importedAt: START });

    for (const token of [admin, member]) {
      const listed = await get(token, '/api/content/packs');
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toEqual([record]);
    }

    const enrolled = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${member}` }, payload: { name: 'Salle B12 poste 3' } });
    const device = enrolled.json<{ token: string }>().token;
    const served = await get(device, `/api/content/packs/${record.version}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(served.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(served.headers.etag).toBe(`"${record.version}"`);
    const pack = served.json<ContentPack>();
    expect(pack.version).toBe(record.version);
    expect(pack.challenges.map((c) => c.id)).toEqual(['import-mots-cles-1-a', 'import-mots-cles-2-a']);
  });

  it('refuses a CSV with errors, listing each line, and stores nothing', async () => {
    const [header, qcu, qcm] = documentedCsv().trimEnd().split('\n');
    if (!header || !qcu || !qcm) throw new Error('the documented CSV has two rows');
    const text = [
      header,
      qcu,
      qcm.replace(/^1\.1;/, '1.9;'),
      qcu.replace('import-mots-cles-1-a', 'import-mots-cles-1-b'),
      qcu.replace('import-mots-cles-1-a', 'import-mots-cles-1-c').replace(';1;Gardez', ';9;Gardez'),
    ].join('\n');
    const response = await importPack(admin, { format: 'csv', name: 'Avec erreurs', text });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      error: 'invalid_pack',
      message: "Le paquet contient 2 erreurs ; rien n'a été importé.",
      errors: [
        { line: 3, message: expect.stringMatching(/^compétence inconnue « 1\.9 »/) as unknown },
        { line: 5, message: expect.stringMatching(/^niveau « 9 »/) as unknown },
      ],
    });
    expect((await get(admin, '/api/content/packs')).json()).toEqual([]);
  });

  it('imports a built JSON pack, and refuses one whose content was changed after its build', async () => {
    const pack = fixturePack();
    const imported = await importPack(admin, { format: 'json', name: 'Banque du réseau', text: JSON.stringify(pack, null, 2) });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ version: pack.version, format: 'json', challengeCount: pack.challenges.length });
    expect((await get(member, `/api/content/packs/${pack.version}`)).json()).toEqual(pack);

    const tampered = fixturePack();
    const tube = tampered.tubes[0];
    if (tube) tube.title = 'Titre modifié à la main';
    const refused = await importPack(admin, { format: 'json', name: 'Modifié', text: JSON.stringify(tampered, null, 2) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      error: 'invalid_pack',
      message: "Le paquet contient 1 erreur ; rien n'a été importé.",
      errors: [{ line: 2, message: expect.stringMatching(/^la version [0-9a-f]{16} ne correspond pas au contenu/) as unknown }],
    });
    expect((await get(admin, '/api/content/packs')).json<Summary[]>().map((p) => p.name)).toEqual(['Banque du réseau']);
  });

  it('lets only an admin import, and only users of the school read', async () => {
    const csv = { format: 'csv', name: 'Import', text: documentedCsv() };
    expect((await importPack(member, csv)).statusCode).toBe(403);
    expect((await importPack(await loginAs(relay.app, 'surveillant@demo.local'), csv)).statusCode).toBe(403);
    const anonymous = await relay.app.inject({ method: 'POST', url: '/api/content/packs', payload: csv });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'unauthorized' });
    expect((await relay.app.inject({ method: 'GET', url: '/api/content/packs' })).statusCode).toBe(401);
    expect((await get(await loginAs(relay.app, 'surveillant@demo.local'), '/api/content/packs')).statusCode).toBe(403);
    expect((await get(admin, '/api/content/packs')).json()).toEqual([]);
  });

  it('keeps a school out of the packs another school imported', async () => {
    const { version } = (await importPack(admin, { format: 'csv', name: 'Démo', text: documentedCsv() })).json<Summary>();
    const other = await otherSchool();
    expect((await get(other.admin, '/api/content/packs')).json()).toEqual([]);
    for (const token of [other.admin, other.device]) {
      const response = await get(token, `/api/content/packs/${version}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    }
    // Importing the same file gives the second school its own record over the same content.
    clock += 60_000;
    const own = await importPack(other.admin, { format: 'csv', name: 'Voisin', text: documentedCsv() });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ version, name: 'Voisin', importedAt: clock });
    expect((await get(other.device, `/api/content/packs/${version}`)).statusCode).toBe(200);
    expect((await get(admin, '/api/content/packs')).json<Summary[]>().map((p) => p.name)).toEqual(['Démo']);
  });

  it('answers a re-import of the same version with the stored record, and lists the newest first', async () => {
    const first = await importPack(admin, { format: 'csv', name: 'Premier', text: documentedCsv() });
    clock += 60_000;
    const again = await importPack(admin, { format: 'csv', name: 'Renommé', text: documentedCsv().replace(/\n/g, '\r\n') });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    clock += 60_000;
    const second = await importPack(admin, { format: 'json', name: 'Second', text: JSON.stringify(fixturePack()) });
    expect(second.statusCode).toBe(201);
    expect((await get(admin, '/api/content/packs')).json<Summary[]>().map((p) => [p.name, p.importedAt])).toEqual([
      ['Second', START + 120_000],
      ['Premier', START],
    ]);
  });

  it('answers a malformed, mistyped or oversized request with a 4xx, never a 500', async () => {
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const garbage = await relay.app.inject({ method: 'POST', url: '/api/content/packs', headers, payload: '{"format": "csv", "name": ' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ error: expect.any(String) as unknown, message: expect.any(String) as unknown });
    for (const body of [{ format: 'xml', name: 'x', text: 'a' }, { format: 'csv', name: '   ', text: 'a' }, { format: 'csv', name: 'x' }, { format: 'csv', name: 'x', text: 'a', extra: 1 }]) {
      const response = await importPack(admin, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'bad_request' });
    }
    const csvUpload = await relay.app.inject({ method: 'POST', url: '/api/content/packs', headers: { ...headers, 'content-type': 'text/csv' }, payload: documentedCsv() });
    expect(csvUpload.statusCode).toBe(415);
    const notAPack = await importPack(admin, { format: 'json', name: 'x', text: '[1, 2, 3]' });
    expect(notAPack.statusCode).toBe(422);
    const oversized = await relay.app.inject({
      method: 'POST', url: '/api/content/packs', headers,
      payload: `{"format":"json","name":"x","text":"${'x'.repeat(PACK_IMPORT_BODY_LIMIT_BYTES)}"}`,
    });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json()).toMatchObject({ error: 'payload_too_large' });
    // Roles are checked before the body is read: a teacher's upload is refused whatever it holds.
    const fromMember = await relay.app.inject({ method: 'POST', url: '/api/content/packs', headers: { ...headers, authorization: `Bearer ${member}` }, payload: '{"format": ' });
    expect(fromMember.statusCode).toBe(403);
    expect((await get(admin, '/api/content/packs/not-a-version')).statusCode).toBe(400);
    expect((await get(admin, '/api/content/packs')).json()).toEqual([]);
  });
});
