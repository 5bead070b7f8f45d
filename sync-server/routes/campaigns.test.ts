/**
 * Campaigns on the relay ([CAMPAIGNS-1] … [CAMPAIGNS-5]): creation and its validation, the pack a campaign runs on,
 * "Modifier" within the rules, "Archiver", and nothing of one school reachable from another.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBank } from '../../scripts/content/check-bank.ts';
import { REPO_ROOT } from '../../scripts/content/repo-paths.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import { bankPack } from '../../test/bank.ts';
import { engineContent, otherSchool, participationLog, pushParticipation } from '../../test/campaign-relay.ts';
import { enrolDevice, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { withVersion } from '../content/pack-version.ts';
import type { CampaignView } from '../campaigns/campaign-view.ts';

const pack = bankPack();
const NOW = Date.now();
let relay: TestRelay;
let teacher: string;
let admin: string;
let device: string;
let other: Awaited<ReturnType<typeof otherSchool>>;

beforeAll(async () => {
  relay = await startTestRelay({ pack });
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
  admin = await loginAs(relay.app, 'admin@demo.local');
  device = await enrolDevice(relay.app);
  other = await otherSchool(relay.store, NOW);
});
afterAll(async () => relay.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const valid = { name: 'Seconde A – rentrée', type: 'ASSESSMENT', title: 'Diagnostic', landingText: 'Bienvenue !', multipleSendings: false, target: { competenceIds: ['1.1'] } };

async function create(body: Record<string, unknown>, token = teacher) {
  return relay.app.inject({ method: 'POST', url: '/api/campaigns', headers: bearer(token), payload: body });
}
async function created(body: Record<string, unknown> = {}, token = teacher): Promise<CampaignView> {
  const response = await create({ ...valid, ...body }, token);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CampaignView>();
}
async function list(token = teacher): Promise<CampaignView[]> {
  return (await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: bearer(token) })).json<CampaignView[]>();
}
function patch(id: string, body: Record<string, unknown>, token = teacher) {
  return relay.app.inject({ method: 'PATCH', url: `/api/campaigns/${id}`, headers: bearer(token), payload: body });
}

function fixturePack(): ContentPack {
  const { compiled, errors } = checkBank({ contentDir: join(REPO_ROOT, 'scripts/content/fixtures/valid'), root: REPO_ROOT });
  if (errors.length > 0) throw new Error('the valid fixture is broken');
  return withVersion(compiled.pack);
}

describe('creating a campaign', () => {
  it('[CAMPAIGNS-2] an assessment: a code in the documented format, its creator, its target, listed with 0 participants', async () => {
    const campaign = await created({ externalIdLabel: "  Numéro d'élève " });
    expect(campaign.code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);
    expect(campaign).toMatchObject({ type: 'ASSESSMENT', ownerId: 'demo-user-2', externalIdLabel: "Numéro d'élève", targetProfile: { kind: 'competences', ids: ['1.1'] }, archivedAt: null, participantCount: 0, sharedCount: 0, contentPackName: null });
    expect(campaign.owner).toMatchObject({ id: 'demo-user-2' });
    expect(campaign.contentVersion).toBeUndefined();
    expect(campaign.targetSkillIds.length).toBeGreaterThan(3);
    expect(campaign.createdAt).toBeGreaterThanOrEqual(NOW);
    const listed = (await list()).find((c) => c.id === campaign.id);
    expect(listed).toMatchObject({ code: campaign.code, participantCount: 0, sharedCount: 0, owner: campaign.owner });
    // Lab machines receive it.
    const pulled = await relay.app.inject({ method: 'GET', url: '/api/replication/campaigns/pull?seq=0&limit=1000', headers: bearer(device) });
    expect(pulled.json<{ documents: { code: string }[] }>().documents.map((d) => d.code)).toContain(campaign.code);
  });

  it('[CAMPAIGNS-2] tubes across competences, and a profiles collection that tests nothing', async () => {
    const tubes = pack.tubes.filter((t) => t.competenceId === '1.1' || t.competenceId === '4.1').slice(0, 3).map((t) => t.id);
    const byTubes = await created({ target: { tubeIds: tubes } });
    expect(byTubes.targetProfile).toEqual({ kind: 'tubes', ids: tubes });
    expect(new Set(byTubes.targetSkillIds.map((id) => pack.skills.find((s) => s.id === id)?.tubeId))).toEqual(new Set(tubes));
    const profiles = await created({ type: 'PROFILES_COLLECTION', target: undefined, multipleSendings: true });
    expect(profiles).toMatchObject({ type: 'PROFILES_COLLECTION', targetSkillIds: [], multipleSendings: true });
    expect(profiles.targetProfile).toBeUndefined();
  });

  it('[CAMPAIGNS-2] bad input gets a clear French 400 and writes nothing', async () => {
    const before = (await list()).length;
    const cases: Record<string, unknown>[] = [
      { ...valid, name: '   ' },
      { ...valid, landingText: 'x'.repeat(5001) },
      { ...valid, target: undefined },
      { ...valid, target: { tubeIds: ['@rechercheMotsCles', '@inexistant'] } },
      { ...valid, target: { competenceIds: ['9.9'] } },
      { ...valid, target: { competenceIds: [] } },
      { ...valid, externalIdLabel: '  ' },
      { ...valid, type: 'CERTIFICATION' },
      { ...valid, contentVersion: 'abcdef0123456789' },
      { ...valid, owner: 'someone' },
    ];
    for (const body of cases) {
      const response = await create(body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json()).toEqual({ error: 'bad_request', message: expect.stringMatching(/^Requête invalide : /) as unknown });
    }
    expect((await create({ ...valid, landingText: 'x'.repeat(5001) })).json<{ message: string }>().message).toContain('5000 caractères');
    expect((await create({ ...valid, target: { tubeIds: ['@inexistant'] } })).json<{ message: string }>().message).toContain('@inexistant');
    expect((await list()).length).toBe(before);
  });

  it('[CAMPAIGNS-2] a landing text of exactly 5000 characters is accepted', async () => {
    expect((await created({ landingText: 'é'.repeat(5000) })).landingText).toHaveLength(5000);
  });
});

describe('the content pack a campaign runs on', () => {
  it('[CAMPAIGNS-3] [STORE-CAMPAIGN-2] a pack the school imported; another school cannot name it, nor fetch it, nor have its tests scored with it', async () => {
    const imported = fixturePack();
    const upload = await relay.app.inject({ method: 'POST', url: '/api/content/packs', headers: bearer(admin), payload: { format: 'json', name: 'Banque du lycée', text: JSON.stringify(imported) } });
    expect(upload.statusCode, upload.body).toBe(201);
    const tube = imported.tubes[0]?.id ?? '';
    const campaign = await created({ contentVersion: imported.version, target: { tubeIds: [tube] } });
    expect(campaign).toMatchObject({ contentVersion: imported.version, contentPackName: 'Banque du lycée' });
    expect(campaign.targetSkillIds.every((id) => imported.skills.some((s) => s.id === id))).toBe(true);
    // The school's lab machines fetch it; the other school's machine gets the 404 of a pack nobody imported.
    expect((await relay.app.inject({ method: 'GET', url: `/api/content/packs/${imported.version}`, headers: bearer(device) })).statusCode).toBe(200);
    const foreign = await relay.app.inject({ method: 'GET', url: `/api/content/packs/${imported.version}`, headers: bearer(other.device) });
    const nobody = await relay.app.inject({ method: 'GET', url: '/api/content/packs/abcdef0123456789', headers: bearer(other.device) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(nobody.json());
    // Another school naming the version is refused like a version nobody imported.
    const refused = await create({ ...valid, contentVersion: imported.version, target: { tubeIds: [tube] } }, other.teacher);
    const unknown = await create({ ...valid, contentVersion: 'abcdef0123456789', target: { tubeIds: [tube] } }, other.teacher);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual(unknown.json());
    // A test of the other school claiming that version is kept unscored ("contenu inconnu"), never scored with it.
    const log = participationLog(engineContent(imported), { id: 'org2-test', learnerId: other.learnerId, campaignId: 'org2-camp', targetSkillIds: campaign.targetSkillIds, state: 'completed', startedAt: NOW, right: () => true, maxAnswers: 2 });
    await pushParticipation(relay.app, other.device, log);
    await relay.app.recompute.drain();
    const [foreignResult] = await relay.store.getAssessmentResults('org2', ['org2-test']);
    expect(log.answers.length).toBeGreaterThan(0);
    expect(foreignResult?.body).toMatchObject({ status: 'unknown-content', answerCount: log.answers.length });
    // The same log in the importing school is scored with it.
    const own = participationLog(engineContent(imported), { id: 'own-test', learnerId: 'demo-learner-05', campaignId: campaign.id, targetSkillIds: campaign.targetSkillIds, state: 'completed', startedAt: NOW, right: () => true, maxAnswers: 2 });
    await pushParticipation(relay.app, device, own);
    await relay.app.recompute.drain();
    const [ownResult] = await relay.store.getAssessmentResults('demo-org', ['own-test']);
    expect(ownResult?.body).toMatchObject({ status: 'scored', replay: { matches: true } });
  });
});

describe('"Modifier" and "Archiver"', () => {
  it('[CAMPAIGNS-4] texts, multiple sendings, target and pack change until someone took part; then only texts', async () => {
    const campaign = await created();
    const edited = await patch(campaign.id, { name: 'Rentrée (modifiée)', landingText: 'Nouveau texte', multipleSendings: true, target: { competenceIds: ['1.1', '4.1'] }, externalIdLabel: 'INE' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<CampaignView>()).toMatchObject({ name: 'Rentrée (modifiée)', landingText: 'Nouveau texte', multipleSendings: true, externalIdLabel: 'INE', targetProfile: { kind: 'competences', ids: ['1.1', '4.1'] }, code: campaign.code });
    const targets = edited.json<CampaignView>().targetSkillIds;
    expect(targets.length).toBeGreaterThan(campaign.targetSkillIds.length);

    const log = participationLog(engineContent(pack), { id: 'edit-rules-1', learnerId: 'demo-learner-02', campaignId: campaign.id, targetSkillIds: targets, state: 'started', startedAt: NOW, right: () => true, maxAnswers: 1 });
    await pushParticipation(relay.app, device, log);
    for (const [body, what] of [[{ multipleSendings: false }, "l'envoi multiple"], [{ target: { competenceIds: ['1.1'] } }, 'le profil cible'], [{ target: { tubeIds: ['@rechercheMotsCles'] } }, 'le profil cible']] as const) {
      const refused = await patch(campaign.id, body);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({ error: 'campaign_started', message: `Des élèves ont déjà participé à cette campagne : ${what} ne peut plus être modifié.` });
    }
    // The same values again are no change; texts still change; the label can be removed.
    const texts = await patch(campaign.id, { title: 'Nouveau titre', multipleSendings: true, target: { competenceIds: ['1.1', '4.1'] }, externalIdLabel: null });
    expect(texts.statusCode, texts.body).toBe(200);
    expect(texts.json<CampaignView>()).toMatchObject({ title: 'Nouveau titre', multipleSendings: true, targetSkillIds: targets, participantCount: 1 });
    expect(texts.json<CampaignView>().externalIdLabel).toBeUndefined();
    // Bad input changes nothing.
    expect((await patch(campaign.id, { landingText: 'y'.repeat(5001) })).statusCode).toBe(400);
    expect((await patch(campaign.id, { type: 'PROFILES_COLLECTION' })).statusCode).toBe(400);
    expect((await patch(campaign.id, {})).statusCode).toBe(400);
    expect((await list()).find((c) => c.id === campaign.id)).toMatchObject({ title: 'Nouveau titre', landingText: 'Nouveau texte' });
  });

  it('[CAMPAIGNS-4] only its creator and the admins change a campaign', async () => {
    const mine = await created({}, admin);
    const refused = await patch(mine.id, { name: 'Pas à moi' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toContain('créateur');
    expect((await relay.app.inject({ method: 'POST', url: `/api/campaigns/${mine.id}/archive`, headers: bearer(teacher) })).statusCode).toBe(403);
    const theirs = await created();
    expect((await patch(theirs.id, { name: 'Par l’admin' }, admin)).statusCode).toBe(200);
  });

  it('[CAMPAIGNS-5] "Archiver": the lab machines learn it, students can no longer start it, it stays listed; idempotent; then "Désarchiver"', async () => {
    const campaign = await created();
    const archive = () => relay.app.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/archive`, headers: bearer(teacher) });
    const first = await archive();
    expect(first.statusCode).toBe(200);
    const archivedAt = first.json<CampaignView>().archivedAt;
    expect(archivedAt).toEqual(expect.any(Number));
    expect((await archive()).json<CampaignView>().archivedAt).toBe(archivedAt);
    const pulled = await relay.app.inject({ method: 'GET', url: '/api/replication/campaigns/pull?seq=0&limit=1000', headers: bearer(device) });
    expect(pulled.json<{ documents: { id: string; archivedAt: number | null }[] }>().documents.find((d) => d.id === campaign.id)?.archivedAt).toBe(archivedAt);
    expect((await list()).find((c) => c.id === campaign.id)?.archivedAt).toBe(archivedAt);
    const edit = await patch(campaign.id, { name: 'Archivée' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<{ error: string }>().error).toBe('campaign_archived');
    const back = await relay.app.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/unarchive`, headers: bearer(teacher) });
    expect(back.json<CampaignView>().archivedAt).toBeNull();
  });
});

describe('another school', () => {
  it('[CAMPAIGNS-1] can neither list, read, change nor archive a campaign of this one: the same 404 as a missing id', async () => {
    const campaign = await created();
    expect((await list(other.teacher)).map((c) => c.id)).not.toContain(campaign.id);
    for (const [method, suffix, payload] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'Volée' }],
      ['POST', '/archive', undefined],
      ['POST', '/unarchive', undefined],
    ] as const) {
      const theirs = await relay.app.inject({ method, url: `/api/campaigns/${campaign.id}${suffix}`, headers: bearer(other.admin), ...(payload ? { payload } : {}) });
      const missing = await relay.app.inject({ method, url: `/api/campaigns/no-such-campaign${suffix}`, headers: bearer(other.admin), ...(payload ? { payload } : {}) });
      expect(theirs.statusCode, `${method} ${suffix}`).toBe(404);
      expect(theirs.json()).toEqual(missing.json());
    }
    expect((await list()).find((c) => c.id === campaign.id)).toMatchObject({ name: valid.name, archivedAt: null });
  });

  it('[CAMPAIGNS-1] lab machines, students and invigilators are not staff of the campaigns; no token is a 401', async () => {
    expect((await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: bearer(device) })).statusCode).toBe(403);
    expect((await create(valid, device)).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'GET', url: '/api/campaigns' })).statusCode).toBe(401);
  });
});
