/**
 * Following a campaign on the relay ([CAMPAIGNS-6] … [CAMPAIGNS-9], [FOLLOW-1] … [FOLLOW-8], [EXPORT-1] … [EXPORT-6]):
 * real participations pushed by a lab machine (the engine's own choices, answered right or wrong), recomputed by the
 * relay, then read as the teacher's pages and exports read them; nothing of it reachable from another school.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankPack } from '../../test/bank.ts';
import { engineContent, otherSchool, participationLog, pushParticipation } from '../../test/campaign-relay.ts';
import { enrolDevice, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import type { CampaignView } from '../campaigns/campaign-view.ts';
import type { CampaignActivity } from '../../src/core/campaign/activity-view.ts';
import type { CampaignAnalysis } from '../use-cases/campaign-analysis.ts';
import type { AssessmentCampaignResults, ProfilesCampaignResults } from '../use-cases/campaign-results.ts';
import type { ParticipantDetail } from '../use-cases/campaign-participant.ts';
import type { ScoredTestResults } from '../../src/core/results/test-results.ts';

const pack = bankPack();
const content = engineContent(pack);
// 15 January 2026, 09:00 in Paris.
const DAY = Date.UTC(2026, 0, 15, 8);
let relay: TestRelay;
let teacher: string;
let device: string;
let other: Awaited<ReturnType<typeof otherSchool>>;
let campaign: CampaignView;
let profiles: CampaignView;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
async function get<T>(url: string, token = teacher): Promise<T> {
  const response = await relay.app.inject({ method: 'GET', url, headers: bearer(token) });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<T>();
}

beforeAll(async () => {
  relay = await startTestRelay({ pack });
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
  device = await enrolDevice(relay.app);
  other = await otherSchool(relay.store, Date.now());
  await relay.store.upsertLearners([{ id: 'learner-1re', organizationId: 'demo-org', lastName: '=HYPERLINK("http://x")', firstName: 'Émile', className: '1RE B', birthDate: '2009-05-05', nationalId: null, active: true, updatedAt: DAY }]);
  const create = async (body: object) => (await relay.app.inject({ method: 'POST', url: '/api/campaigns', headers: bearer(teacher), payload: body })).json<CampaignView>();
  campaign = await create({ name: 'Rentrée 2NDE A', type: 'ASSESSMENT', title: 'Diagnostic', landingText: '', multipleSendings: true, target: { competenceIds: ['1.1', '4.1'] }, externalIdLabel: "Numéro d'élève" });
  profiles = await create({ name: 'Profils 2NDE A', type: 'PROFILES_COLLECTION', title: 'Vos profils', landingText: '', multipleSendings: false });
  const targets = campaign.targetSkillIds;
  const participate = (id: string, learnerId: string, state: 'started' | 'completed' | 'shared', right: (n: number) => boolean, extra: { startedAt?: number; maxAnswers?: number; sharedAt?: number; contentVersion?: string } = {}) =>
    pushParticipation(relay.app, device, participationLog(content, { id, learnerId, campaignId: campaign.id, targetSkillIds: targets, state, startedAt: extra.startedAt ?? DAY, right, ...extra }));
  // MARTIN Camille: everything right, sent the next day. BERNARD Lucas: a first try sent (all wrong), then a retry
  // started: he counts once, as "En cours". DUBOIS Léa: finished, not sent. THOMAS Hugo: all wrong, sent.
  // ROBERT Chloé: sent from a machine whose pack the relay does not hold. The 1RE B student: everything right, sent.
  await participate('p-martin', 'demo-learner-01', 'shared', () => true, { sharedAt: DAY + 86_400_000 });
  await participate('p-bernard-1', 'demo-learner-02', 'shared', () => false);
  await participate('p-bernard-2', 'demo-learner-02', 'started', () => true, { startedAt: DAY + 3_600_000, maxAnswers: 2 });
  await participate('p-dubois', 'demo-learner-03', 'completed', (n) => n % 2 === 0);
  await participate('p-thomas', 'demo-learner-04', 'shared', () => false);
  await participate('p-robert', 'demo-learner-05', 'shared', () => true, { maxAnswers: 3, contentVersion: 'abcdef0123456789' });
  await participate('p-emile', 'learner-1re', 'shared', () => true);
  await pushParticipation(relay.app, device, { assessment: { ...participationLog(content, { id: 'prof-martin', learnerId: 'demo-learner-01', campaignId: profiles.id, targetSkillIds: [], state: 'shared', startedAt: DAY + 2 * 86_400_000, right: () => true }).assessment }, answers: [] });
});
afterAll(async () => relay.close());

describe('"Activité"', () => {
  it('[CAMPAIGNS-6] [FOLLOW-1] [FOLLOW-2] participants by status, each once; the list with progress, dates and flags', async () => {
    const activity = await get<CampaignActivity>(`/api/campaigns/${campaign.id}/activity`);
    expect(activity.statusCounts).toEqual({ STARTED: 1, TO_SHARE: 1, SHARED: 4 });
    expect(activity.participantCount).toBe(6);
    expect(activity.classes).toEqual(['1RE B', '2NDE A']);
    const bernard = activity.participants.find((p) => p.learnerId === 'demo-learner-02');
    expect(bernard).toMatchObject({ status: 'STARTED', attempts: 2, startedAt: DAY + 3_600_000, sharedAt: null });
    expect(bernard?.progress).toBeGreaterThan(0);
    expect(bernard?.progress).toBeLessThan(1);
    expect(activity.participants.find((p) => p.learnerId === 'demo-learner-03')).toMatchObject({ status: 'TO_SHARE', progress: 1 });
    expect(activity.participants.find((p) => p.learnerId === 'demo-learner-05')).toMatchObject({ status: 'SHARED', flag: 'unknown-content', progress: null });
    expect(activity.participants.find((p) => p.learnerId === 'demo-learner-01')).toMatchObject({ status: 'SHARED', flag: null, progress: 1 });
  });

  it('[CAMPAIGNS-6] [FOLLOW-8] participation over time: cumulative per day', async () => {
    const { timeline } = await get<CampaignActivity>(`/api/campaigns/${campaign.id}/activity`);
    expect(timeline).toEqual([
      { day: '2026-01-15', started: 6, shared: 3 },
      { day: '2026-01-16', started: 6, shared: 4 },
    ]);
  });

  it('[CAMPAIGNS-6] filters by class, status and name (no case, no accents); counts stay the whole campaign\'s', async () => {
    const names = async (query: string) => (await get<CampaignActivity>(`/api/campaigns/${campaign.id}/activity?${query}`)).participants.map((p) => p.firstName);
    expect(await names('className=1RE%20B')).toEqual(['Émile']);
    expect(await names('status=TO_SHARE')).toEqual(['Léa']);
    expect(await names('name=chloe')).toEqual(['Chloé']);
    expect(await names('name=CAMILLE%20martin')).toEqual(['Camille']);
    expect(await names('status=SHARED&className=2NDE%20A')).toEqual(['Camille', 'Chloé', 'Hugo']);
    const filtered = await get<CampaignActivity>(`/api/campaigns/${campaign.id}/activity?name=zzz`);
    expect(filtered.participants).toEqual([]);
    expect(filtered.statusCounts.SHARED).toBe(4);
    expect((await relay.app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/activity?status=DONE`, headers: bearer(teacher) })).statusCode).toBe(400);
  });
});

describe('"Résultats" and "Analyse"', () => {
  it('[CAMPAIGNS-7] [FOLLOW-3] [FOLLOW-4] [FOLLOW-5] stages and averages from the sent results only; content the relay does not hold is listed apart', async () => {
    const results = await get<AssessmentCampaignResults>(`/api/campaigns/${campaign.id}/results`);
    expect(results.sharedCount).toBe(4);
    expect(results.participants.map((p) => [p.firstName, p.masteryPercent, p.stageId])).toEqual([
      ['Émile', 100, 'very-good'],
      ['Camille', 100, 'very-good'],
      ['Hugo', 0, 'insufficient'],
    ]);
    expect(results.unscored.map((p) => p.firstName)).toEqual(['Chloé']);
    expect(results.stages).toEqual([
      { id: 'insufficient', threshold: 0, stars: 0, count: 1 },
      { id: 'fragile', threshold: 21, stars: 1, count: 0 },
      { id: 'satisfactory', threshold: 51, stars: 2, count: 0 },
      { id: 'very-good', threshold: 81, stars: 3, count: 2 },
    ]);
    expect(results.averageMasteryPercent).toBe(67);
    expect(results.competences.map((c) => c.competenceId)).toEqual(['1.1', '4.1']);
    for (const c of results.competences) expect(c.averageMasteryRate).toBeCloseTo(2 / 3, 10);
  });

  it('[CAMPAIGNS-7] [FOLLOW-6] [FOLLOW-7] topics least mastered, tutorials for them, distribution per competence', async () => {
    const analysis = await get<CampaignAnalysis>(`/api/campaigns/${campaign.id}/analysis`);
    expect(analysis.sharedCount).toBe(3);
    expect(analysis.tubes.length).toBe(new Set(campaign.targetSkillIds.map((id) => pack.skills.find((s) => s.id === id)?.tubeId)).size);
    const rates = analysis.tubes.map((t) => t.averageMasteryRate ?? 1);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(analysis.tutorials.length).toBeGreaterThan(0);
    for (const tutorial of analysis.tutorials) expect(pack.tutorials.find((t) => t.id === tutorial.id)?.tubeId).toBe(tutorial.tubeId);
    expect(analysis.distribution).toEqual([
      { competenceId: '1.1', stages: [{ stageId: 'insufficient', count: 1 }, { stageId: 'fragile', count: 0 }, { stageId: 'satisfactory', count: 0 }, { stageId: 'very-good', count: 2 }] },
      { competenceId: '4.1', stages: [{ stageId: 'insufficient', count: 1 }, { stageId: 'fragile', count: 0 }, { stageId: 'satisfactory', count: 0 }, { stageId: 'very-good', count: 2 }] },
    ]);
    const none = await relay.app.inject({ method: 'GET', url: `/api/campaigns/${profiles.id}/analysis`, headers: bearer(teacher) });
    expect(none.statusCode).toBe(409);
  });

  it("[CAMPAIGNS-8] a participant's page: figures once sent; before, progress and dates only", async () => {
    const martin = await get<ParticipantDetail>(`/api/campaigns/${campaign.id}/participants/demo-learner-01`);
    const stored = (await relay.store.getAssessmentResults('demo-org', ['p-martin']))[0]?.body as unknown as ScoredTestResults;
    expect(martin).toMatchObject({ status: 'SHARED', progress: 1, startedAt: DAY, sharedAt: DAY + 86_400_000, attempts: 1, flag: null, learner: { lastName: 'MARTIN', firstName: 'Camille' } });
    expect(martin.results).toEqual('participation' in stored.results ? stored.results.participation : null);
    expect(martin.results?.masteryPercent).toBe(100);
    const dubois = await get<ParticipantDetail>(`/api/campaigns/${campaign.id}/participants/demo-learner-03`);
    expect(dubois).toMatchObject({ status: 'TO_SHARE', progress: 1, results: null, profile: null });
    const missing = await relay.app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/participants/demo-learner-20`, headers: bearer(teacher) });
    expect(missing.statusCode).toBe(404);
  });

  it('[CAMPAIGNS-PROFILE] a profiles collection: the profile each student sent, made of their tests started by then', async () => {
    const results = await get<ProfilesCampaignResults>(`/api/campaigns/${profiles.id}/results`);
    expect(results.participants).toHaveLength(1);
    expect(results.participants[0]).toMatchObject({ learnerId: 'demo-learner-01', certifiable: false, certifiableCompetenceCount: 2 });
    expect(results.participants[0]?.totalPix).toBeGreaterThan(0);
    const page = await get<ParticipantDetail>(`/api/campaigns/${profiles.id}/participants/demo-learner-01`);
    expect(page.profile?.totalPix).toBe(results.participants[0]?.totalPix);
  });
});

function parseCsv(body: string): string[][] {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(body.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
}

describe('"Exporter les résultats (.csv)"', () => {
  it('[CAMPAIGNS-9] [EXPORT-1] [EXPORT-3] [EXPORT-4] [EXPORT-5] an assessment campaign: BOM, ;, French dates, formulas neutralised, values of the relay', async () => {
    const response = await relay.app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/export.csv`, headers: bearer(teacher) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${campaign.code}-resultats.csv"`);
    const [header, ...rows] = parseCsv(response.body);
    expect(header?.slice(0, 17)).toEqual([
      "Nom de l'organisation", 'ID Campagne', 'Code', 'Nom de la campagne', 'Nom du profil cible', 'Nom du participant', 'Prénom du participant', 'Classe', "Numéro d'élève",
      '% de progression', 'Date de début', 'Partage (O/N)', 'Date du partage', 'Palier obtenu (/3)', "% de maîtrise de l'ensemble des acquis du profil",
      "% de maîtrise des acquis de la compétence 1.1 Mener une recherche et une veille d'information", "Nombre d'acquis du profil cible dans la compétence 1.1 Mener une recherche et une veille d'information",
    ]);
    expect(header).toHaveLength(15 + 2 * 3 + 2 * 3);
    expect(rows.map((r) => [r[5], r[6], r[7]])).toEqual([
      ["'=HYPERLINK(\"http://x\")", 'Émile', '1RE B'],
      ['BERNARD', 'Lucas', '2NDE A'],
      ['DUBOIS', 'Léa', '2NDE A'],
      ['MARTIN', 'Camille', '2NDE A'],
      ['ROBERT', 'Chloé', '2NDE A'],
      ['THOMAS', 'Hugo', '2NDE A'],
    ]);
    const row = (name: string) => rows.find((r) => r[5] === name) ?? [];
    const count11 = String(pack.skills.filter((s) => campaign.targetSkillIds.includes(s.id) && pack.tubes.find((t) => t.id === s.tubeId)?.competenceId === '1.1').length);
    expect(row('MARTIN').slice(0, 18)).toEqual(['Lycée de démonstration', campaign.id, campaign.code, 'Rentrée 2NDE A', '1.1, 4.1', 'MARTIN', 'Camille', '2NDE A', '', '100', '15/01/2026', 'O', '16/01/2026', '3', '100', '100', count11, count11]);
    expect(row('DUBOIS').slice(9, 18)).toEqual(['100', '15/01/2026', 'N', '', 'NA', 'NA', 'NA', count11, 'NA']);
    expect(row('THOMAS').slice(11, 15)).toEqual(['O', '15/01/2026', '0', '0']);
    expect(row('ROBERT').slice(11, 15)).toEqual(['O', '15/01/2026', 'NA', 'NA']);
    // BERNARD's current participation is the retry in progress ([FOLLOW-2]).
    expect(row('BERNARD')[11]).toBe('N');
  });

  it('[CAMPAIGNS-9] [EXPORT-6] a profiles collection: sent, date, pix, certifiability, each competence', async () => {
    const response = await relay.app.inject({ method: 'GET', url: `/api/campaigns/${profiles.id}/export.csv`, headers: bearer(teacher) });
    const [header, ...rows] = parseCsv(response.body);
    expect(header?.slice(4, 12)).toEqual(['Nom du participant', 'Prénom du participant', 'Classe', 'Envoi (O/N)', "Date de l'envoi", 'Nombre de pix total', 'Certifiable (O/N)', 'Nombre de compétences certifiables']);
    const results = await get<ProfilesCampaignResults>(`/api/campaigns/${profiles.id}/results`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(4, 12)).toEqual(['MARTIN', 'Camille', '2NDE A', 'O', '17/01/2026', String(results.participants[0]?.totalPix), 'N', '2']);
    expect(rows[0]).toHaveLength(12 + 32);
  });
});

describe('another school', () => {
  it('[CAMPAIGNS-1] can neither read nor export anything of this campaign: the same 404 as a missing id', async () => {
    for (const suffix of ['/activity', '/results', '/analysis', '/participants/demo-learner-01', '/export.csv']) {
      const theirs = await relay.app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}${suffix}`, headers: bearer(other.teacher) });
      const missing = await relay.app.inject({ method: 'GET', url: `/api/campaigns/nope${suffix}`, headers: bearer(other.teacher) });
      expect(theirs.statusCode, suffix).toBe(404);
      expect(theirs.json()).toEqual(missing.json());
      expect(theirs.body).not.toContain('MARTIN');
    }
    // Their own learner's page in this campaign is a 404 too.
    expect((await relay.app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/participants/${other.learnerId}`, headers: bearer(teacher) })).statusCode).toBe(404);
  });
});
