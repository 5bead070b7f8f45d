/**
 * The teacher space's "Équipe" and "Postes" in a real Chromium against the real relay (sync-server/SPEC.md [TEAM-1]
 * … [TEAM-6], [DEVICE-STATUS-1], [AUTH-7]): an admin invites a colleague who joins from another browser without any
 * e-mail; a lab machine holding an answer the relay does not have yet shows it on "Postes", and once withdrawn its
 * token stops working.
 */
import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { correctAnswer } from '../test/bank.ts';
import { LabMachine } from './pages/lab-machine.ts';
import { StudentCampaign } from './pages/student-campaign.ts';
import { DevicesPage, InvitationPage, TeamPage } from './pages/team-and-devices.ts';
import { TeacherSpace } from './pages/teacher-space.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { challengeById, shippedPack } from './support/engine-worker.ts';
import { waitForServiceWorkerControl } from './support/offline.ts';
import { TeacherApi } from './support/relay-api.ts';

const full = challengeById(shippedPack());

/** Another person's browser: its own cookies, storage and service worker, with the project's settings. */
function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
  const { baseURL, locale } = testInfo.project.use;
  return browser.newContext({ ...(baseURL ? { baseURL } : {}), ...(locale ? { locale } : {}) });
}

/** The device token the lab machine keeps in its own IndexedDB (workers/db/device-db.ts). */
async function deviceToken(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('pixlab-device');
        open.onerror = () => reject(new Error('cannot open pixlab-device'));
        open.onsuccess = () => {
          const read = open.result.transaction('enrolment').objectStore('enrolment').get('device');
          read.onsuccess = () => {
            const enrolment = read.result as { token?: string } | undefined;
            if (enrolment?.token) resolve(enrolment.token);
            else reject(new Error('this machine is not enrolled'));
          };
        };
      }),
  );
}

test.describe('teacher space: team and lab machines', () => {
  test('the admin invites a member without e-mail; the invitee joins in another browser and signs in; the admin removes them again', async ({ page, browser }, testInfo) => {
    const admin = new TeacherSpace(page);
    const team = new TeamPage(page);
    await admin.signIn('admin@demo.local');
    await team.open();
    expect(await team.rows()).toEqual(expect.arrayContaining([expect.stringMatching(/^Admin Alice admin@demo\.local Administrateur/), expect.stringMatching(/^Enseignant Émile enseignant@demo\.local/)]));
    await expectNoSeriousA11yViolations(page);

    const link = await team.invite('nouvelle.prof@demo.local', 'Membre');
    expect(link).toMatch(/\/invitation\/[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expect(team.pendingInvitations()).toContainText(['nouvelle.prof@demo.local – Membre']);
    await expectNoSeriousA11yViolations(page);

    // The colleague, on their own machine, opens the link passed on over the school's network.
    const colleagueContext = await otherBrowser(browser, testInfo);
    const colleague = await colleagueContext.newPage();
    await colleague.goto(link);
    await expect(colleague.getByText('Vous êtes invité(e) à rejoindre Lycée de démonstration en tant que enseignant.')).toBeVisible();
    await expect(colleague.getByText("Vous vous connecterez avec l'adresse nouvelle.prof@demo.local.")).toBeVisible();
    await expectNoSeriousA11yViolations(colleague);
    const invitation = new InvitationPage(colleague);
    await invitation.accept('Nina', 'Nouvelle', 'court');
    // The browser's own check (minlength) keeps a short password from being sent: nothing is created.
    await expect(colleague.getByRole('button', { name: 'Créer mon compte' })).toBeVisible();
    await invitation.accept('Nina', 'Nouvelle', 'un-mot-de-passe-long');
    await expect(colleague.getByRole('status').filter({ hasText: 'Votre compte est créé' })).toHaveText(
      'Votre compte est créé dans Lycée de démonstration. Connectez-vous avec l\'adresse nouvelle.prof@demo.local et votre mot de passe.',
    );
    await expectNoSeriousA11yViolations(colleague);
    await colleague.getByRole('link', { name: "Aller à l'espace enseignant" }).click();
    await new TeacherSpace(colleague).signIn('nouvelle.prof@demo.local', 'un-mot-de-passe-long');
    const colleagueTeam = new TeamPage(colleague);
    await colleagueTeam.open();
    await expect(colleague.getByText("Seuls les administrateurs de l'établissement gèrent l'équipe.")).toBeVisible();
    await expect(colleague.getByRole('button', { name: "Créer l'invitation" })).toHaveCount(0);
    expect(await colleagueTeam.rows()).toContain('Nouvelle Nina nouvelle.prof@demo.local Membre');
    await expectNoSeriousA11yViolations(colleague);

    // The link is used up.
    const again = await colleagueContext.newPage();
    await again.goto(link);
    await expect(again.getByRole('alert')).toHaveText(/^Cette invitation n'est pas valable/);

    // Back on the admin's screen: the member is listed, the invitation gone; the admin removes them, by keyboard.
    await page.reload();
    await expect(team.members().getByRole('rowheader', { name: 'Nouvelle' })).toBeVisible();
    await expect(page.getByText('Aucune invitation en attente.')).toBeVisible();
    await page.getByRole('button', { name: "Retirer de l'équipe : Nina Nouvelle" }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: "Retirer Nina Nouvelle de l'équipe ?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: "Retirer de l'équipe" }).click();
    await expect(page.getByRole('status').filter({ hasText: "Nina Nouvelle ne fait plus partie de l'équipe." })).toBeVisible();
    await expect(team.members().getByRole('rowheader', { name: 'Nouvelle' })).toHaveCount(0);

    // Their open session ends at once: the next call is refused and the teacher space sends them to sign in.
    await colleague.reload();
    await expect(colleague.getByRole('heading', { level: 1, name: 'Espace enseignant' })).toBeVisible();
    await expect(colleague.getByLabel('Adresse e-mail')).toBeVisible();
    await colleagueContext.close();
  });

  test('a lab machine holding an answer the relay lacks shows it on "Postes"; "Retirer ce poste" withdraws it and its token stops working', async ({ page, context, browser, request }, testInfo) => {
    test.setTimeout(120_000);
    const api = new TeacherApi(request);
    const campaign = await api.createCampaign({ name: 'Postes', title: 'Diagnostic de salle', target: { competenceIds: ['2.1'] } });
    const machine = 'Salle C4 – poste 7';
    const lab = new LabMachine(page);
    await lab.enrol(machine);
    await waitForServiceWorkerControl(page);

    // The relay is reachable for everything but the answers' way in (a filtering proxy, say): they stay on the machine.
    await context.route('**/api/replication/*/push', (route) => route.abort('internetdisconnected'));
    await page.goto(`/campagnes/${campaign.code}`);
    await lab.signInStudent('2NDE A', 'MOREL Alice', '26/04/2010');
    await page.getByRole('button', { name: 'Je commence' }).click();
    const student = new StudentCampaign(page);
    await student.readRules();
    const challenge = full(await student.challengeId());
    if (challenge.timer !== undefined) await page.getByRole('button', { name: 'Commencer', exact: true }).click();
    await student.answer(challenge, correctAnswer(challenge));
    await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-pending', '1', { timeout: 15_000 });

    // "Synchroniser maintenant" on the machine: the answer cannot go, and the progress says so.
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(page.getByRole('progressbar', { name: 'Envoi des réponses' })).toBeVisible();
    await expect(page.getByText('0 / 1 réponse envoyée')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The teacher, elsewhere, sees the machine's unsent answer on "Postes".
    const teacherContext = await otherBrowser(browser, testInfo);
    const teacherPage = await teacherContext.newPage();
    await new TeacherSpace(teacherPage).signIn();
    const devices = new DevicesPage(teacherPage);
    await devices.open();
    await devices.waitForRow(machine, '1 réponse');
    await expect(devices.verdict()).toContainText(/réponses? (n'est|ne sont) encore que sur (un poste|des postes)/);
    await expect(devices.verdict()).toHaveAttribute('data-all-on-relay', 'false');
    await expect(devices.row(machine)).toContainText(/Aujourd'hui|\d\d\/\d\d\/\d{4}/);
    await expectNoSeriousA11yViolations(teacherPage);

    // Back in the lab the way in is open again: the machine sends its answer and reports it.
    await context.unroute('**/api/replication/*/push');
    await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await devices.waitForRow(machine, '0 réponse');
    const pending = await devices.pendingPerMachine();
    if (pending.every((count) => count === '0')) await expect(devices.verdict()).toContainText('Tout est sur le relais');

    // "Retirer ce poste", after a confirmation: the machine leaves the list and its token is refused at once.
    const token = await deviceToken(page);
    const auth = { authorization: `Bearer ${token}` };
    expect((await request.get('/api/replication/answers/pull', { headers: auth })).status()).toBe(200);
    await devices.row(machine).getByRole('button', { name: 'Retirer ce poste' }).click();
    const dialog = teacherPage.getByRole('dialog', { name: `Retirer le poste « ${machine} » ?` });
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(teacherPage);
    await dialog.getByRole('button', { name: 'Retirer ce poste' }).click();
    await expect(teacherPage.getByRole('status').filter({ hasText: `Le poste « ${machine} » est retiré` })).toBeVisible();
    await expect(devices.row(machine)).toHaveCount(0);
    expect((await request.get('/api/replication/answers/pull', { headers: auth })).status()).toBe(401);
    await teacherContext.close();
  });
});
