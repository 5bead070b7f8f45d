import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { AnswerResult, Challenge } from '../src/core/content/types.ts';
import { buildPackIndex } from '../src/core/content/pack-index.ts';
import type { AnswerDocument, AssessmentDocument } from '../src/core/sync/documents.ts';
import { correctAnswer, wrongAnswer } from '../test/bank.ts';
import { LabMachine } from './pages/lab-machine.ts';
import { StudentCampaign, WORDS } from './pages/student-campaign.ts';
import type { Words } from './pages/student-campaign.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { challengeById, shippedPack } from './support/engine-worker.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorkerControl } from './support/offline.ts';
import { relayResults, TeacherApi } from './support/relay-api.ts';
import { next, steer } from './support/steer.ts';

const pack = shippedPack();
const index = buildPackIndex(pack);
const full = challengeById(pack);

let api: TeacherApi;
test.beforeEach(({ request }) => {
  // A request context lives for one test; the teacher's token for the whole file.
  api = new TeacherApi(request);
});

interface HomeWords {
  haveCode: string;
  codeField: string;
  startCode: string;
  birthDate: string;
  signIn: string;
}

/** From the home page: "J'ai un code", the code, "Commencer mon parcours", then sign-in on this machine. */
async function enterCode(page: Page, code: string, student: [name: string, birthDate: string], words: HomeWords): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: words.haveCode }).click();
  await page.getByLabel(words.codeField).fill(code.toLowerCase());
  await page.getByRole('button', { name: words.startCode }).click();
  await expect(page).toHaveURL(new RegExp(`/campagnes/${code}$`));
  await page.getByRole('button', { name: '2NDE A', exact: true }).click();
  await page.getByRole('button', { name: student[0], exact: true }).click();
  await page.getByLabel(words.birthDate).fill(student[1]);
  await page.getByRole('button', { name: words.signIn }).click();
}

const FR_HOME: HomeWords = { haveCode: "J'ai un code", codeField: 'Saisissez le code du parcours', startCode: 'Commencer mon parcours', birthDate: 'Date de naissance (jj/mm/aaaa)', signIn: 'Je me connecte' };
const EN_HOME: HomeWords = { haveCode: 'I have a code', codeField: 'Enter the test code', startCode: 'Start my test', birthDate: 'Date of birth (dd/mm/yyyy)', signIn: 'Sign in' };

interface Given {
  challengeId: string;
  result: AnswerResult;
}

/**
 * Answers every challenge to the end through the screens (right, except every third), with axe on the first
 * challenge and on each checkpoint, opening "Réponses et tutos" once; `onChallenge` may act before an answer.
 */
async function runToEnd(
  student: StudentCampaign,
  given: Given[],
  hooks: { onChallenge?: (challengeId: string, n: number) => Promise<void>; onCheckpoint?: (n: number) => Promise<void> } = {},
): Promise<void> {
  const { page, words } = student;
  let checkedChallenge = false;
  for (let n = 0; n < 80; n++) {
    const step = await student.step();
    if (step === 'end') return;
    if (step === 'checkpoint') {
      await hooks.onCheckpoint?.(given.length);
      await expectNoSeriousA11yViolations(page);
      const reviews = page.getByRole('button', { name: words.review });
      await reviews.first().click();
      await expect(page.getByRole('heading', { level: 4, name: words.expected })).toBeVisible();
      const finished = await page.getByRole('button', { name: words.seeResults }).isVisible();
      await page.getByRole('button', { name: finished ? words.seeResults : words.continue }).click();
      continue;
    }
    const challengeId = await student.challengeId();
    await hooks.onChallenge?.(challengeId, given.length);
    // The challenge may have changed under a reload: read it again.
    const id = await student.challengeId();
    const challenge = full(id);
    if (!checkedChallenge) {
      await expectNoSeriousA11yViolations(page);
      checkedChallenge = true;
    }
    if (challenge.timer !== undefined) await page.getByRole('button', { name: words.startTimer, exact: true }).click();
    const right = given.length % 3 !== 2;
    await student.answer(challenge, right ? correctAnswer(challenge) : wrongAnswer(challenge));
    given.push({ challengeId: id, result: right ? 'ok' : 'ko' });
  }
  throw new Error('the campaign did not end');
}

/**
 * A campaign taken by a student through the screens, with the test choosing right or wrong answers so that a given
 * kind of challenge comes (see support/steer.ts). The page's clock is Playwright's, so a timer can be run out.
 */
async function startSteered(page: Page, campaign: { code: string; targetSkillIds: string[] }, learnerId: string, student: [string, string], machine: string) {
  const previous = (await api.pull<AnswerDocument>('answers')).filter((a) => a.learnerId === learnerId).map((a) => a.challengeId);
  await page.clock.install();
  const model = new StudentCampaign(page);
  await new LabMachine(page).enrol(machine);
  await waitForServiceWorkerControl(page);
  await enterCode(page, campaign.code, student, FR_HOME);
  await page.getByRole('button', { name: 'Je commence' }).click();
  await model.readRules();
  const assessmentId = await model.assessmentId();
  const log: Given[] = [];
  /** What was served, and what the steering expected where it differed: failure messages show it. */
  const trail: string[] = [];
  const state = () => ({ index, targetSkillIds: campaign.targetSkillIds, assessmentId, log, previous });

  async function current(): Promise<Challenge> {
    for (;;) {
      const step = await model.step();
      if (step === 'end') throw new Error(`the campaign ended: ${trail.join(', ')}`);
      if (step === 'challenge') break;
      await page.getByRole('button', { name: /Continuer mon parcours|Voir mes résultats/ }).click();
    }
    const id = await model.challengeId();
    const predicted = next(state(), log)?.id;
    if (trail.at(-1)?.startsWith(id) !== true) trail.push(predicted === id ? id : `${id} (predicted ${predicted ?? 'end'})`);
    return full(id);
  }

  async function answer(challenge: Challenge, how: 'right' | 'wrong', result: AnswerResult): Promise<void> {
    if (challenge.timer !== undefined && result !== 'timedout') await page.getByRole('button', { name: 'Commencer', exact: true }).click();
    await model.answer(challenge, how === 'right' ? correctAnswer(challenge) : wrongAnswer(challenge));
    log.push({ challengeId: challenge.id, result });
  }

  return {
    student: model,
    assessmentId,
    current,
    answer,
    /** Answers, steering, until a challenge matching `goal` is on screen; returns it. */
    async steerTo(goal: (c: Challenge) => boolean): Promise<Challenge> {
      for (let n = 0; n < 40; n++) {
        const challenge = await current();
        if (goal(challenge)) return challenge;
        const how = steer(state(), challenge, goal);
        await answer(challenge, how, how === 'right' ? 'ok' : 'ko');
      }
      throw new Error(`not reached: ${trail.join(', ')}`);
    },
    /** Answers right until the checkpoint shows (the end of the current group of 5). */
    async answerUntilCheckpoint(): Promise<void> {
      for (let n = 0; n < 5; n++) {
        if ((await model.step()) !== 'challenge') return;
        await answer(await current(), 'right', 'ok');
      }
    },
  };
}

async function relayAnswersOf(assessmentId: string): Promise<AnswerDocument[]> {
  return (await api.pull<AnswerDocument>('answers')).filter((a) => a.assessmentId === assessmentId);
}

test.describe('a student takes a campaign on a lab machine', () => {
  test('[ENTRY-3] [SHOW-3] [SHOW-5] [CAMP-6] [CAMP-7] from the code to "J\'envoie mes résultats", offline from the first challenge to the end with a reload; the relay then holds each answer once, the sharing and the same mastery', async ({ page, context }) => {
    test.setTimeout(240_000);
    const campaign = await api.createCampaign({
      name: 'Diagnostic 2NDE A',
      title: 'Diagnostic de rentrée',
      landingText: 'Bienvenue !\n\nCe parcours porte sur **la recherche d\'information**. <script>alert(1)</script>',
      target: { competenceIds: ['1.1'] },
    });
    const student = new StudentCampaign(page);
    await new LabMachine(page).enrol('Salle B12 – poste 11');
    await waitForServiceWorkerControl(page);

    await enterCode(page, campaign.code, ['ROBERT Chloé', '18/05/2010'], FR_HOME);
    await expect(page.getByRole('heading', { level: 1, name: 'Diagnostic de rentrée' })).toBeVisible();
    // The teacher's text is Markdown, rendered safely: bold is bold, a script is only text.
    await expect(page.locator('.landing-text strong')).toHaveText("la recherche d'information");
    await expect(page.locator('.landing-text')).toContainText('<script>alert(1)</script>');
    await expectNoSeriousA11yViolations(page);

    // From here to the end screen, no network at all.
    await cutNetwork(context);
    await page.getByRole('button', { name: 'Je commence' }).click();
    await expectNoSeriousA11yViolations(page);
    await student.readRules();
    const assessmentId = await student.assessmentId();
    await expect(page.getByRole('heading', { level: 1, name: 'Diagnostic de rentrée' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Question 1/5' })).toBeFocused();

    const given: Given[] = [];
    let reloaded = false;
    let reloadedAtCheckpoint = false;
    await runToEnd(student, given, {
      async onChallenge(challengeId, answered) {
        if (reloaded || answered !== 3) return;
        reloaded = true;
        // A reload with no network: the same test, at the same challenge.
        await page.reload();
        await page.getByRole('button', { name: 'Reprendre' }).click();
        expect(await student.challengeId()).toBe(challengeId);
        await expect(page.getByRole('heading', { level: 2, name: 'Question 4/5' })).toBeVisible();
      },
      async onCheckpoint(answered) {
        if (reloadedAtCheckpoint || answered !== 5) return;
        reloadedAtCheckpoint = true;
        // [SHOW-5] Reloaded on the checkpoint, before the next challenge was shown: the checkpoint comes back first.
        await page.reload();
        await page.getByRole('button', { name: 'Reprendre' }).click();
        await expect(page.getByRole('heading', { level: 2, name: 'Vos réponses' })).toBeFocused();
        await expect(page.locator('.checkpoint-item')).toHaveCount(5);
      },
    });
    expect(reloaded && reloadedAtCheckpoint).toBe(true);
    const mastery = await student.mastery();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: "J'envoie mes résultats" }).click();
    await expect(page.getByText(WORDS.fr.shared)).toBeVisible();
    await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');

    // Still offline, the same code again: the results are sent and the campaign allows one sending.
    await page.goto(`/campagnes/${campaign.code}`);
    await expect(page.getByRole('alert')).toHaveText('Vous avez déjà participé à ce parcours et envoyé vos résultats. Ce parcours ne permet pas de le repasser.');
    await expect(page.getByRole('link', { name: 'Saisir un autre code' })).toBeVisible();
    // A code typed wrong: said, with a way on.
    await page.goto('/campagnes/ZZZZZZ999');
    await expect(page.getByRole('alert')).toContainText('Aucun parcours ne correspond au code ZZZZZZ999 sur ce poste');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Saisir un autre code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue' })).toBeVisible();

    // Back online: everything reaches the relay, once, and the relay finds what the student saw.
    await restoreNetwork(context);
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect.poll(async () => (await relayAnswersOf(assessmentId)).length, { timeout: 30_000 }).toBe(given.length);
    const answers = await relayAnswersOf(assessmentId);
    expect(new Set(answers.map((a) => a.id)).size).toBe(given.length);
    expect(answers.sort((a, b) => a.index - b.index).map((a) => [a.challengeId, a.result])).toEqual(given.map((g) => [g.challengeId, g.result]));
    await expect.poll(async () => (await api.pull<AssessmentDocument>('assessments')).find((a) => a.id === assessmentId)?.state, { timeout: 30_000 }).toBe('shared');
    await expect.poll(async () => ((await relayResults(assessmentId))?.body as { state?: string } | undefined)?.state, { timeout: 30_000 }).toBe('shared');
    const relay = (await relayResults(assessmentId))?.body as { results: { participation: { masteryPercent: number } } };
    expect(relay.results.participation.masteryPercent).toBe(mastery);
  });

  test('[SHOW-1] [RESULT-2] [EVENT-1] [ENTRY-6] a timed challenge warns first, then shows the time left; answered late it is recorded timedout; a problem is reported; "Quitter" then "Reprendre" comes back to the same challenge', async ({ page, request }) => {
    test.setTimeout(240_000);
    const campaign = await api.createCampaign({ name: 'Chrono', title: 'Environnement numérique', target: { competenceIds: ['5.2'] } });
    const run = await startSteered(page, campaign, 'demo-learner-23', ['GIRARD Sacha', '04/09/2010'], 'Salle B12 – poste 12');
    const timed = await run.steerTo((c) => c.timer !== undefined);
    if (timed.timer === undefined) throw new Error('not timed');
    // The warning first.
    await expect(page.getByText(WORDS.fr.timedWarning)).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // "Signaler un problème": the categories of DOMAIN.md, checked before sending.
    await page.getByRole('button', { name: 'Signaler un problème' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signaler un problème' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Choisissez le type de problème.');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByLabel("L'image ne s'affiche pas").check();
    await dialog.getByLabel('Précisez (facultatif)').fill("L'illustration reste blanche.");
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(WORDS.fr.reportSent)).toBeVisible();

    // "Quitter": home, where "Reprendre" brings back the same challenge.
    await page.getByRole('button', { name: 'Quitter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Reprendre' }).click();
    expect((await run.current()).id).toBe(timed.id);

    // The timer starts on "Commencer" and the time left shows; run out, the answer is still sent, recorded timedout.
    await page.getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect(page.getByRole('timer')).toContainText('Temps restant');
    await page.clock.fastForward((timed.timer + 2) * 1000);
    await expect(page.getByText(WORDS.fr.timeUp).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await run.answer(timed, 'right', 'timedout');
    // Its checkpoint (every 5 answers, and at the end) says the late answer was late, in words.
    await run.answerUntilCheckpoint();
    await expect(page.getByText('Réponse hors délai')).toBeVisible();

    // On the relay: the late answer is timedout, and the report is in the learner's log.
    await expect.poll(async () => (await relayAnswersOf(run.assessmentId)).find((a) => a.challengeId === timed.id)?.result, { timeout: 30_000 }).toBe('timedout');
    const auth = await api.auth();
    await expect
      .poll(async () => {
        const response = await request.get('/api/replication/events/pull?seq=0&limit=1000', { headers: auth });
        const body = (await response.json()) as { documents: { kind: string; assessmentId: string | null; challengeId: string | null; category: string | null }[] };
        return body.documents.filter((e) => e.kind === 'problem-report' && e.assessmentId === run.assessmentId).map((e) => [e.challengeId, e.category]);
      }, { timeout: 30_000 })
      .toEqual([[timed.id, 'image-not-displaying']]);
  });

  test('[SHOW-2] a focused challenge left is told to the student and kept on the machine across a reload', async ({ page }) => {
    test.setTimeout(240_000);
    const campaign = await api.createCampaign({ name: 'Focus', title: 'Environnement numérique', target: { competenceIds: ['5.2'] } });
    const run = await startSteered(page, campaign, 'demo-learner-22', ["N'DIAYE Moussa", '10/06/2010'], 'Salle B12 – poste 14');
    const focused = await run.steerTo((c) => c.focused);
    await expect(page.getByText(/Restez sur cette page/)).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await expect(page.getByRole('alert').filter({ hasText: WORDS.fr.leftPage })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // Kept on the machine: after a reload, the same challenge still says the window was left.
    await page.reload();
    await page.getByRole('button', { name: 'Reprendre' }).click();
    expect(await run.student.challengeId()).toBe(focused.id);
    await expect(page.getByRole('alert').filter({ hasText: WORDS.fr.leftPage })).toBeVisible();
    // The answer is sent with it; in a campaign the engine records right or wrong ([RESULT-3]).
    await run.answer(focused, 'right', 'ok');
    await expect.poll(async () => (await relayAnswersOf(run.assessmentId)).find((a) => a.challengeId === focused.id)?.result, { timeout: 30_000 }).toBe('ok');
  });

  test('[SHOW-3] [SHOW-4] [RETRY-1] the same flow in English, keyboard only on the challenge: code, sign-in, rules, challenges, checkpoint, "Send my results"', async ({ page }) => {
    test.setTimeout(240_000);
    const campaign = await api.createCampaign({ name: 'English run', title: 'Data check', multipleSendings: true, target: { tubeIds: ['@gestionFormatsFichiers', '@gestionTailleFichiers'] } });
    const words: Words = WORDS.en;
    const student = new StudentCampaign(page, words);
    await new LabMachine(page).enrol('Salle B12 – poste 13');
    await waitForServiceWorkerControl(page);
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('en');
    await enterCode(page, campaign.code, ['VINCENT Lina', '02/11/2010'], EN_HOME);
    await expect(page.getByRole('heading', { level: 1, name: 'Data check' })).toBeVisible();
    await page.getByRole('button', { name: words.start }).click();
    await student.readRules();
    // Keyboard only on the first challenge: the heading has the focus, Tab reaches the answer, then "Skip".
    await expect(page.getByRole('heading', { level: 2, name: 'Question 1/5' })).toBeFocused();
    const first = await student.challengeId();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('.answer-area, .instruction, .attachments, .focus-notice, .time-left') !== null);
    expect(focused).toBe(true);
    await page.getByRole('button', { name: words.skip, exact: true }).focus();
    await page.keyboard.press('Enter');
    await student.movedOnFrom(first);
    const given: Given[] = [{ challengeId: first, result: 'aband' }];
    await runToEnd(student, given);
    const mastery = await student.mastery();
    expect(mastery).toBeGreaterThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: words.share }).click();
    await expect(page.getByText(words.shared)).toBeFocused();
    // Multiple sendings: a retry is possible 4 days after sending ([RETRY-1]), and the screen says from when.
    await expect(page.getByText(/^You can take this test again from /)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Take my test again' })).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
