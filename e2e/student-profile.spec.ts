/**
 * The student's own pages in a real Chromium against the real relay: competence training and the profile after it
 * (keyboard only, a training left and resumed, a tutorial kept and marked useful), the same in English, and a
 * campaign retry refused before 4 days and allowed after, with the engine worker's clock moved. axe on each screen.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { buildPackIndex } from '../src/core/content/pack-index.ts';
import { DAY_MS } from '../src/core/campaign/retry.ts';
import { correctAnswer } from '../test/bank.ts';
import { LabMachine } from './pages/lab-machine.ts';
import { WORDS } from './pages/student-campaign.ts';
import { SPACE_WORDS, StudentSpace } from './pages/student-space.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { challengeById, shippedPack } from './support/engine-worker.ts';
import { WorkerClock } from './support/worker-clock.ts';

const pack = shippedPack();
const index = buildPackIndex(pack);
const full = challengeById(pack);

/** Students no other spec uses, so that what the relay sends this machine is only theirs. */
const LOUIS = { name: 'MOREAU Louis', birthDate: '21/06/2010', shown: 'Louis MOREAU' };
const JADE = { name: 'SIMON Jade', birthDate: '08/08/2010', shown: 'Jade SIMON' };
const GABRIEL = { name: 'LAURENT Gabriel', birthDate: '15/10/2010', shown: 'Gabriel LAURENT' };

async function enrol(page: Page, name: string): Promise<void> {
  await new LabMachine(page).enrol(name, 'admin@demo.local');
}

test.describe('the student space, the profile and competence training', () => {
  test('competence training and the profile after it, by keyboard; a training left resumes at the same challenge; a kept tutorial', async ({ page }) => {
    test.setTimeout(240_000);
    const words = SPACE_WORDS.fr;
    const space = new StudentSpace(page, words, WORDS.fr);
    await enrol(page, 'Salle B12 – poste 11');

    await space.openSpaceAndSignIn(LOUIS.name, LOUIS.birthDate);
    await expect(page.getByText(words.signedInAs(LOUIS.shown))).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await space.openProfile();
    await expect(page.getByRole('heading', { level: 2, name: words.total(0) })).toBeVisible();
    await expect(page.locator('li[data-competence]')).toHaveCount(16);
    await expectNoSeriousA11yViolations(page);

    // Keyboard only: Tab to "Commencer" on 2.1 and press Enter.
    await space.pressByKeyboard(space.competence('2.1').getByRole('link', { name: words.start, exact: true }));
    await expect(page.getByRole('heading', { level: 1, name: 'Entraînement : 2.1 Interagir' })).toBeVisible();
    await expect(space.test.challenge).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    let kept: string | null = null;
    const given = await space.answerToEnd(full, () => 'right', async () => {
      if (kept) return;
      // "Réponses et tutos" on the first answer, then keep its first tutorial for the profile.
      await page.getByRole('button', { name: WORDS.fr.review }).first().click();
      const keep = page.getByRole('button', { name: words.keepTutorial }).first();
      await keep.click();
      await expect(keep).toHaveAttribute('aria-pressed', 'true');
      kept = await page.locator('.checkpoint-list summary').first().innerText();
      await expectNoSeriousA11yViolations(page);
    });
    expect(given.length).toBeGreaterThan(3);
    expect(kept).not.toBeNull();
    expect(await space.test.mastery()).toBe(100);
    // Training results are the student's own: nothing to send to a teacher.
    await expect(page.getByRole('button', { name: WORDS.fr.share })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: words.toProfile }).first().click();
    const card = space.competence('2.1');
    await expect(card).toContainText(words.assessed);
    await expect(card).toContainText(words.resetAt);
    await expect(card.getByRole('link', { name: words.start, exact: true })).toHaveCount(0);
    const level = Number(await card.getAttribute('data-level'));
    const pix = Number(await card.getAttribute('data-pix'));
    expect(level).toBeGreaterThanOrEqual(1);
    expect(pix).toBeGreaterThanOrEqual(8 * level);
    await expect(card).toContainText(words.level(level));
    await expect(page.getByRole('heading', { level: 2, name: words.total(pix) })).toBeVisible();

    // The kept tutorial is on the profile; "Tuto utile" is a toggle that stays pressed.
    const tutorials = page.getByRole('region', { name: words.tutorials });
    await expect(tutorials.getByRole('heading', { level: 3, name: kept ?? '' })).toBeVisible();
    const useful = tutorials.getByRole('button', { name: words.useful });
    await useful.click();
    await expect(useful).toHaveAttribute('aria-pressed', 'true');
    await expectNoSeriousA11yViolations(page);

    // A training left with "Quitter" is offered again with "Reprendre", at the same challenge.
    await space.competence('1.1').getByRole('link', { name: words.start, exact: true }).click();
    await expect(space.test.challenge).toBeVisible();
    const first = full(await space.test.challengeId());
    if (first.timer !== undefined) await page.getByRole('button', { name: WORDS.fr.startTimer, exact: true }).click();
    await space.test.answer(first, correctAnswer(first));
    const left = await space.test.challengeId();
    await page.getByRole('button', { name: WORDS.fr.quit }).click();
    await expect(page.getByRole('heading', { level: 1, name: words.profile })).toBeVisible();
    await space.competence('1.1').getByRole('link', { name: words.resume, exact: true }).click();
    expect(await space.test.challengeId()).toBe(left);
  });

  test('the same in English: sign-in, profile, competence training, the profile after it', async ({ page }) => {
    test.setTimeout(180_000);
    const words = SPACE_WORDS.en;
    const space = new StudentSpace(page, words, WORDS.en);
    await enrol(page, 'Salle B12 – poste 12');
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('link', { name: words.spaceLink })).toBeVisible();

    await space.openSpaceAndSignIn(JADE.name, JADE.birthDate);
    await expect(page.getByText(words.signedInAs(JADE.shown))).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await space.openProfile();
    await expect(page.getByRole('heading', { level: 2, name: words.total(0) })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await space.pressByKeyboard(space.competence('4.1').getByRole('link', { name: words.start, exact: true }));
    await expect(page.getByRole('heading', { level: 1, name: 'Training: 4.1 Securing the digital environment' })).toBeVisible();
    await expect(space.test.challenge).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await space.answerToEnd(full, (_c, n) => (n % 3 === 2 ? 'wrong' : 'right'));
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: words.toProfile }).first().click();
    const card = space.competence('4.1');
    await expect(card).toContainText(words.assessed);
    const pix = Number(await card.getAttribute('data-pix'));
    await expect(card).toContainText(words.level(Number(await card.getAttribute('data-level'))));
    await expect(page.getByRole('heading', { level: 2, name: words.total(pix) })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Back to my space' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Training: 4.1 Securing the digital environment' })).toBeVisible();
    await page.getByRole('button', { name: words.signOut }).click();
    await expect(page.getByRole('button', { name: '2NDE A', exact: true })).toBeVisible();
  });
});

test.describe('retrying a campaign with multiple sendings', () => {
  // The worker script must come from the network to be given its moved clock: no service worker here.
  test.use({ serviceWorkers: 'block' });

  test('"Repasser mon parcours": refused before 4 days with the date, allowed after, asking only what was not validated', async ({ page, context }) => {
    test.setTimeout(300_000);
    const words = SPACE_WORDS.fr;
    const clock = await WorkerClock.install(context);
    const space = new StudentSpace(page, words, WORDS.fr);
    await enrol(page, 'Salle B12 – poste 13');

    // The demo campaign with multiple sendings, by its direct link.
    await page.goto('/campagnes/RENTRE234');
    await space.signIn(GABRIEL.name, GABRIEL.birthDate);
    await page.getByRole('button', { name: WORDS.fr.start, exact: true }).click();
    await space.test.readRules();
    const first = await space.answerToEnd(full, (_c, n) => (n % 3 === 2 ? 'wrong' : 'right'));
    await page.getByRole('button', { name: WORDS.fr.share }).click();
    await expect(page.getByText(WORDS.fr.shared)).toBeVisible();
    // Right after sending: no retry before 4 days, and the date it becomes possible.
    const refused = page.getByText(words.retryAt);
    await expect(refused).toBeVisible();
    const availableText = await refused.innerText();
    await expect(page.getByRole('button', { name: words.retry })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    /**
     * Later: the page reloads and its new worker is that much later. Days later the session has ended and the
     * student signs in again ([SESSION-3]); an hour later the tab's session still holds ([SESSION-2]).
     */
    async function later(ms: number, options: { signIn: boolean }): Promise<void> {
      clock.moveBy(ms);
      await page.reload();
      if (options.signIn) await space.signIn(GABRIEL.name, GABRIEL.birthDate);
      await page.getByRole('button', { name: words.seeResults }).click();
      await expect(page.getByText(WORDS.fr.shared)).toBeVisible();
    }

    await later(3 * DAY_MS + 23 * 3_600_000, { signIn: true });
    await expect(page.getByText(words.retryAt)).toHaveText(availableText);
    await expect(page.getByRole('button', { name: words.retry })).toHaveCount(0);

    await later(3_600_000, { signIn: false });
    const retry = page.getByRole('button', { name: words.retry });
    await expect(retry).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await retry.click();
    await expect(space.test.challenge).toBeVisible();

    // The retry asks only skills the first participation did not validate: never one answered right.
    const validated = new Set(first.filter((g) => g.decision === 'right').map((g) => full(g.challengeId).skillId));
    const retried = await space.answerToEnd(full, () => 'right');
    expect(retried.length).toBeGreaterThan(0);
    for (const g of retried) expect(validated.has(full(g.challengeId).skillId), `${g.challengeId} asks a validated skill`).toBe(false);
    for (const g of retried) expect(index.skillById.has(full(g.challengeId).skillId)).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });
});
