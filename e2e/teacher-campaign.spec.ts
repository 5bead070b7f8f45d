import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import Papa from 'papaparse';
import { LabMachine } from './pages/lab-machine.ts';
import { WORDS } from './pages/student-campaign.ts';
import { SPACE_WORDS, StudentSpace } from './pages/student-space.ts';
import { TeacherCampaigns } from './pages/teacher-campaigns.ts';
import { TeacherSpace } from './pages/teacher-space.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { challengeById, shippedPack } from './support/engine-worker.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorkerControl } from './support/offline.ts';
import { relayResults } from './support/relay-api.ts';

/**
 * The teacher's campaign, end to end in Chromium against the real relay ([CAMPAIGNS-1] … [CAMPAIGNS-9],
 * [CAMPAIGNS-LIVE], [EXPORT-1] … [EXPORT-6]): created through the form, taken by three students on three lab machines
 * through the real screens and engine worker — one sends, one never sends, one on a machine still offline — followed
 * live, read in "Résultats" and "Analyse", and exported; every screen checked with axe.
 */
const pack = shippedPack();
const full = challengeById(pack);
const TUBES = ['Organiser fichiers et dossiers', 'Sauvegarder et synchroniser'];

/** Today as the export writes it (jj/mm/aaaa, Paris). */
function parisToday(): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
}

function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0), 'UTF-8 byte order mark').toBe(0xfeff);
  expect(text.split('\r\n')[0]).toContain(';');
  return Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
}

interface Machine {
  context: BrowserContext;
  page: Page;
  student: StudentSpace;
}

async function labMachine(browser: Browser, name: string): Promise<Machine> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LabMachine(page).enrol(name);
  await waitForServiceWorkerControl(page);
  return { context, page, student: new StudentSpace(page, SPACE_WORDS.fr, WORDS.fr) };
}

/** The student opens the campaign's direct link, signs in on the machine and reaches its landing page. */
async function openCampaign(machine: Machine, code: string, title: string, name: string, birthDate: string): Promise<void> {
  const { page } = machine;
  await expect(async () => {
    await page.goto(`/campagnes/${code}`);
    await new LabMachine(page).signInStudent('2NDE A', name, birthDate);
    // The campaign reaches the machine by replication: until it has, the code is unknown there.
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/** "Je commence", then the rules of the game if this student has not read them yet. */
async function start(machine: Machine): Promise<void> {
  await machine.page.getByRole('button', { name: 'Je commence' }).click();
  const rules = machine.page.getByRole('heading', { level: 1, name: WORDS.fr.rules });
  await expect(rules.or(machine.student.test.challenge)).toBeVisible();
  if (await rules.isVisible()) await machine.student.test.readRules();
}

test.describe("the teacher's campaigns", () => {
  test('create, three students on three machines (sent, never sent, offline), followed live, results, analysis, both exports', async ({ browser, baseURL }) => {
    test.setTimeout(480_000);
    const teacherContext = await browser.newContext();
    const teacherPage = await teacherContext.newPage();
    await new TeacherSpace(teacherPage).signIn();
    const campaigns = new TeacherCampaigns(teacherPage);
    await campaigns.openList();
    await expectNoSeriousA11yViolations(teacherPage);

    // "Créer une campagne": an assessment of two topics, then a profiles collection.
    await teacherPage.getByRole('link', { name: 'Créer une campagne' }).click();
    await expect(teacherPage.getByRole('heading', { level: 1, name: 'Créer une campagne' })).toBeVisible();
    await expectNoSeriousA11yViolations(teacherPage);
    await teacherPage.getByRole('link', { name: 'Campagnes' }).click();
    const assessment = await campaigns.create({
      name: 'Fichiers – 2NDE A',
      purpose: 'Évaluer les participants',
      tubes: { competence: '1.2 Gérer des données', titles: TUBES },
      title: 'Ranger et sauvegarder',
      landingText: 'Un parcours court sur vos fichiers.',
    });
    expect(assessment.code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);
    await expect(teacherPage.getByRole('link', { name: `${baseURL ?? ''}/campagnes/${assessment.code}` })).toBeVisible();
    await expectNoSeriousA11yViolations(teacherPage);
    await campaigns.openList();
    const profiles = await campaigns.create({ name: 'Profils – 2NDE A', purpose: 'Collecter les profils Pix des participants', title: 'Vos profils Pix', landingText: 'Envoyez votre profil.' });

    // The teacher follows the assessment from its "Activité" tab, which stays open from here on.
    await teacherPage.goto(`/enseignant/campagnes/${assessment.id}`);
    const activity = await campaigns.openTab('Activité');
    await expect(activity.getByRole('table').locator('caption')).toHaveText('0 participant');
    await expectNoSeriousA11yViolations(teacherPage);

    // Three lab machines. Léa's goes offline once the campaign has reached it, and stays so.
    const [camille, lucas, lea] = [await labMachine(browser, 'Salle B12 – poste 1'), await labMachine(browser, 'Salle B12 – poste 2'), await labMachine(browser, 'Salle B12 – poste 3')];
    await openCampaign(lea, assessment.code, 'Ranger et sauvegarder', 'DUBOIS Léa', '05/07/2010');
    await cutNetwork(lea.context);
    await start(lea);
    await lea.student.test.passChallenge(await lea.student.test.challengeId());

    // Lucas starts: the teacher sees him "En cours" without reloading.
    await openCampaign(lucas, assessment.code, 'Ranger et sauvegarder', 'BERNARD Lucas', '22/01/2010');
    await start(lucas);
    const lucasFirst = await lucas.student.test.challengeId();
    await lucas.student.test.passChallenge(lucasFirst);
    await expect(campaigns.participantRow('BERNARD Lucas')).toContainText('En cours', { timeout: 30_000 });
    // He finishes and never sends: "En attente d'envoi".
    await lucas.student.answerToEnd(full, (_c, n) => (n % 2 === 0 ? 'right' : 'wrong'));
    await expect(campaigns.participantRow('BERNARD Lucas')).toContainText("En attente d'envoi", { timeout: 30_000 });

    // Camille answers everything right and sends: "Résultats reçus".
    await openCampaign(camille, assessment.code, 'Ranger et sauvegarder', 'MARTIN Camille', '14/03/2010');
    await start(camille);
    await camille.student.answerToEnd(full, () => 'right');
    const camilleMastery = await camille.student.test.mastery();
    await camille.page.getByRole('button', { name: "J'envoie mes résultats" }).click();
    await expect(camille.page.getByText(WORDS.fr.shared)).toBeVisible();
    await expect(campaigns.participantRow('MARTIN Camille')).toContainText('Résultats reçus', { timeout: 30_000 });
    await expect(activity.getByRole('table').locator('caption')).toHaveText('2 participants');
    // Léa's machine is offline: the relay, hence the teacher, knows nothing of her yet.
    await expect(campaigns.participantRow('DUBOIS Léa')).toHaveCount(0);
    await expect(activity.locator('figure').first()).toContainText('2 participants : 0 en cours, 1 en attente d\'envoi, 1 résultats reçus.');
    await expect(activity.locator('figure svg').first()).toBeAttached();
    await expectNoSeriousA11yViolations(teacherPage);

    // Filters: by status and by name.
    await activity.getByLabel('Statut', { exact: true }).selectOption({ label: "En attente d'envoi" });
    await expect(activity.getByRole('table').locator('tbody tr')).toHaveCount(1);
    await expect(campaigns.participantRow('BERNARD Lucas')).toBeVisible();
    await activity.getByLabel('Statut', { exact: true }).selectOption({ label: 'Tous les statuts' });
    await activity.getByLabel('Nom ou prénom', { exact: true }).fill('camille');
    await expect(activity.getByRole('table').locator('tbody tr')).toHaveCount(1);
    await activity.getByLabel('Nom ou prénom', { exact: true }).fill('');

    // "Résultats", reached with the keyboard (arrow keys move between tabs).
    await campaigns.tab('Activité').focus();
    await teacherPage.keyboard.press('ArrowRight');
    await expect(campaigns.tab('Résultats')).toBeFocused();
    await expect(campaigns.tab('Résultats')).toHaveAttribute('aria-selected', 'true');
    const results = teacherPage.getByRole('tabpanel', { name: 'Résultats' });
    await expect(results.getByText('1 résultat reçu.')).toBeVisible();
    const stageTitle = camilleMastery >= 81 ? 'Très bonne maîtrise' : camilleMastery >= 51 ? 'Maîtrise satisfaisante' : camilleMastery >= 21 ? 'Maîtrise fragile' : 'Maîtrise insuffisante';
    await expect(results.locator('.stage-list li').filter({ hasText: stageTitle })).toContainText('1 élève');
    await results.getByRole('button', { name: `Voir les élèves du palier « ${stageTitle} »` }).click();
    await expect(results.getByLabel('Paliers', { exact: true })).toHaveValue(/.+/);
    await expect(results.getByRole('table').last().locator('tbody tr')).toHaveText([new RegExp(`MARTIN Camille.*${camilleMastery} %`)]);
    await expectNoSeriousA11yViolations(teacherPage);

    const analysis = await campaigns.openTab('Analyse');
    await expect(analysis.getByRole('heading', { level: 3, name: 'Sujets les moins maîtrisés' })).toBeVisible();
    await analysis.getByText('Voir les données du graphique').first().click();
    for (const title of TUBES) await expect(analysis.getByRole('rowheader', { name: title })).toBeVisible();
    await expect(analysis.getByRole('heading', { level: 3, name: 'Répartition par compétence' })).toBeVisible();
    await expectNoSeriousA11yViolations(teacherPage);
    await campaigns.openTab('Paramètres');
    await expectNoSeriousA11yViolations(teacherPage);

    // A participant's page.
    await campaigns.openTab('Activité');
    await campaigns.participantRow('MARTIN Camille').getByRole('link').click();
    await expect(teacherPage.getByRole('heading', { level: 1, name: 'MARTIN Camille' })).toBeVisible();
    await expect(teacherPage.getByText(`${camilleMastery} %`).first()).toBeVisible();
    await expectNoSeriousA11yViolations(teacherPage);
    await teacherPage.getByRole('link', { name: 'Retour à la campagne' }).click();

    // Camille sends her profile through the collection.
    await openCampaign(camille, profiles.code, 'Vos profils Pix', 'MARTIN Camille', '14/03/2010').catch(async () => {
      // Still signed in on this tab: the landing page comes at once.
      await expect(camille.page.getByRole('heading', { level: 1, name: 'Vos profils Pix' })).toBeVisible();
    });
    await camille.page.getByRole('button', { name: 'Je commence' }).click();
    await expect(camille.page.getByRole('heading', { level: 2, name: 'Votre profil est prêt à être envoyé' })).toBeVisible({ timeout: 20_000 });
    await camille.page.getByRole('button', { name: "J'envoie mes résultats" }).click();
    await expect(camille.page.getByText(WORDS.fr.shared)).toBeVisible();

    // The assessment's export: the columns of DOMAIN.md and the relay's own figures.
    await expect(campaigns.tab('Activité')).toBeVisible();
    const assessmentCsv = await campaigns.exportCsv();
    expect(assessmentCsv.fileName).toBe(`${assessment.code}-resultats.csv`);
    const [header, ...rows] = parseCsv(assessmentCsv.text);
    expect(header?.slice(0, 15)).toEqual([
      "Nom de l'organisation", 'ID Campagne', 'Code', 'Nom de la campagne', 'Nom du profil cible', 'Nom du participant', 'Prénom du participant', 'Classe',
      '% de progression', 'Date de début', 'Partage (O/N)', 'Date du partage', 'Palier obtenu (/3)', "% de maîtrise de l'ensemble des acquis du profil",
      '% de maîtrise des acquis de la compétence 1.2 Gérer des données',
    ]);
    expect(header?.slice(15)).toEqual([
      "Nombre d'acquis du profil cible dans la compétence 1.2 Gérer des données", 'Acquis maîtrisés dans la compétence 1.2 Gérer des données',
      '% de maîtrise des acquis du domaine 1 Information et données', "Nombre d'acquis du profil cible du domaine 1 Information et données", 'Acquis maîtrisés du domaine 1 Information et données',
    ]);
    expect(rows.map((r) => `${r[5]} ${r[6]}`)).toEqual(['BERNARD Lucas', 'MARTIN Camille']);
    const today = parisToday();
    const [lucasRow, camilleRow] = rows as [string[], string[]];
    expect(lucasRow.slice(0, 14)).toEqual(['Lycée de démonstration', assessment.id, assessment.code, 'Fichiers – 2NDE A', TUBES.join(', '), 'BERNARD', 'Lucas', '2NDE A', '100', today, 'N', '', 'NA', 'NA']);
    expect(camilleRow.slice(8, 14)).toEqual(['100', today, 'O', today, String([0, 21, 51, 81].filter((t) => camilleMastery >= t).length - 1), String(camilleMastery)]);
    // The same figures as the relay's recomputed result of Camille's test.
    const activityJson = await teacherPage.evaluate(async ({ id }) => {
      const token = (JSON.parse(sessionStorage.getItem('pixlab.staff-session') ?? '{}') as { state?: { token?: string } }).state?.token ?? '';
      const response = await fetch(`/api/campaigns/${id}/activity?name=camille`, { headers: { authorization: `Bearer ${token}` } });
      return (await response.json()) as { participants: { assessmentId: string }[] };
    }, { id: assessment.id });
    const relay = (await relayResults(activityJson.participants[0]?.assessmentId ?? ''))?.body as { results: { participation: { masteryPercent: number; competences: { validatedSkillCount: number; targetSkillCount: number }[] } } };
    expect(Number(camilleRow[13])).toBe(relay.results.participation.masteryPercent);
    expect([camilleRow[15], camilleRow[16]]).toEqual([String(relay.results.participation.competences[0]?.targetSkillCount), String(relay.results.participation.competences[0]?.validatedSkillCount)]);

    // The profiles collection's export.
    await teacherPage.goto(`/enseignant/campagnes/${profiles.id}`);
    const profileResults = await campaigns.openTab('Résultats');
    await expect(profileResults.getByRole('row', { name: /MARTIN Camille/ })).toBeVisible({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(teacherPage);
    const pix = (await profileResults.getByRole('row', { name: /MARTIN Camille/ }).getByRole('cell').nth(1).innerText()).trim();
    const profilesCsv = parseCsv((await campaigns.exportCsv()).text);
    expect(profilesCsv[0]?.slice(4, 12)).toEqual(['Nom du participant', 'Prénom du participant', 'Classe', 'Envoi (O/N)', "Date de l'envoi", 'Nombre de pix total', 'Certifiable (O/N)', 'Nombre de compétences certifiables']);
    expect(profilesCsv[0]).toHaveLength(12 + 32);
    expect(profilesCsv.slice(1).map((r) => r.slice(4, 10))).toEqual([['MARTIN', 'Camille', '2NDE A', 'O', today, pix]]);

    // Léa's machine comes back: she appears, live, on the assessment's page.
    await teacherPage.goto(`/enseignant/campagnes/${assessment.id}`);
    await campaigns.openTab('Activité');
    await expect(campaigns.participantRow('MARTIN Camille')).toBeVisible();
    await restoreNetwork(lea.context);
    await lea.page.getByRole('button', { name: 'Synchroniser maintenant' }).click().catch(() => undefined);
    await expect(campaigns.participantRow('DUBOIS Léa')).toContainText('En cours', { timeout: 45_000 });

    for (const machine of [camille, lucas, lea]) await machine.context.close();
    await teacherContext.close();
  });
});
