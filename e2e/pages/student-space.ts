import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { correctAnswer, wrongAnswer } from '../../test/bank.ts';
import type { Challenge } from '../../src/core/content/types.ts';
import { StudentCampaign } from './student-campaign.ts';
import type { Words } from './student-campaign.ts';

/** The words of the student's space, profile and training (src/i18n/locales), by language. */
export const SPACE_WORDS = {
  fr: {
    spaceLink: 'Mon espace : mon profil et mes parcours',
    space: 'Mon espace',
    birthDate: 'Date de naissance (jj/mm/aaaa)',
    signIn: 'Je me connecte',
    signedInAs: (name: string) => `Connecté : ${name}`,
    profileLink: 'Mon profil',
    profile: 'Mon profil',
    total: (pix: number) => `Total : ${pix} pix /1024`,
    level: (level: number) => `Niveau ${level}`,
    start: 'Commencer',
    resume: 'Reprendre',
    assessed: 'Compétence évaluée',
    resetAt: /Remise à zéro possible à partir du/,
    toProfile: 'Voir mon profil',
    keepTutorial: 'Garder dans mes tutos',
    tutorials: 'Mes tutos',
    useful: 'Tuto utile',
    signOut: 'Me déconnecter',
    retryAt: /Vous pourrez repasser ce parcours à partir du (.+)\./,
    retry: 'Repasser mon parcours',
    seeResults: 'Voir mes résultats',
  },
  en: {
    spaceLink: 'My space: my profile and my tests',
    space: 'My space',
    birthDate: 'Date of birth (dd/mm/yyyy)',
    signIn: 'Sign in',
    signedInAs: (name: string) => `Signed in: ${name}`,
    profileLink: 'My profile',
    profile: 'My profile',
    total: (pix: number) => `Total: ${pix} pix /1024`,
    level: (level: number) => `Level ${level}`,
    start: 'Start',
    resume: 'Resume',
    assessed: 'Competence assessed',
    resetAt: /Reset possible from/,
    toProfile: 'See my profile',
    keepTutorial: 'Keep in my tutorials',
    tutorials: 'My tutorials',
    useful: 'Useful tutorial',
    signOut: 'Sign out',
    retryAt: /You can take this test again from (.+)\./,
    retry: 'Take my test again',
    seeResults: 'See my results',
  },
} as const;

export type SpaceWords = (typeof SPACE_WORDS)[keyof typeof SPACE_WORDS];

export type Decision = 'right' | 'wrong' | 'skip';

/** Page model of a signed-in student's own pages: "Mon espace", "Mon profil", competence training. */
export class StudentSpace {
  readonly test: StudentCampaign;

  constructor(
    readonly page: Page,
    readonly words: SpaceWords,
    testWords: Words,
  ) {
    this.test = new StudentCampaign(page, testWords);
  }

  /** From the home page to "Mon espace", signing in there on this machine (class → name → birth date). */
  async openSpaceAndSignIn(name: string, birthDate: string): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('link', { name: this.words.spaceLink }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: this.words.space })).toBeVisible();
    await this.signIn(name, birthDate);
  }

  async signIn(name: string, birthDate: string): Promise<void> {
    await this.page.getByRole('button', { name: '2NDE A', exact: true }).click();
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.getByLabel(this.words.birthDate).fill(birthDate);
    await this.page.getByRole('button', { name: this.words.signIn }).click();
  }

  competence(id: string): Locator {
    return this.page.locator(`li[data-competence="${id}"]`);
  }

  async openProfile(): Promise<void> {
    await this.page.getByRole('link', { name: this.words.profileLink, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: this.words.profile })).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 2, name: /\/1024/ })).toBeVisible();
  }

  /** Keyboard only: Tab until the link is focused, then Enter. */
  async pressByKeyboard(target: Locator, maxTabs = 120): Promise<void> {
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === document.activeElement)) {
        await this.page.keyboard.press('Enter');
        return;
      }
    }
    throw new Error('never reached by Tab');
  }

  /**
   * Answers through the test screens until the end screen, as `decide` says; `onCheckpoint` acts on each checkpoint
   * before going on. Returns what was asked and how it was answered.
   */
  async answerToEnd(full: (id: string) => Challenge, decide: (challenge: Challenge, n: number) => Decision, onCheckpoint?: () => Promise<void>): Promise<{ challengeId: string; decision: Decision }[]> {
    const given: { challengeId: string; decision: Decision }[] = [];
    for (let guard = 0; guard < 120; guard++) {
      const step = await this.test.step();
      if (step === 'end') return given;
      if (step === 'checkpoint') {
        await onCheckpoint?.();
        const next = this.page.getByRole('button', { name: this.test.words.continue, exact: true }).or(this.page.getByRole('button', { name: this.test.words.seeResults, exact: true }));
        await next.click();
        await expect(this.page.getByRole('heading', { level: 2, name: this.test.words.checkpoint })).toHaveCount(0);
        continue;
      }
      const challenge = full(await this.test.challengeId());
      const startTimer = this.page.getByRole('button', { name: this.test.words.startTimer, exact: true });
      if (challenge.timer !== undefined && (await startTimer.isVisible())) await startTimer.click();
      const decision = decide(challenge, given.length);
      given.push({ challengeId: challenge.id, decision });
      if (decision === 'skip') await this.test.passChallenge(challenge.id);
      else await this.test.answer(challenge, decision === 'right' ? correctAnswer(challenge) : wrongAnswer(challenge));
    }
    throw new Error('the test did not end');
  }
}
