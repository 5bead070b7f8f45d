import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { isChoiceChallenge } from '../../src/core/content/is-choice-challenge.ts';
import type { AnswerValue, Challenge } from '../../src/core/content/types.ts';

/** The words a student sees, by language (SCREENS.md gives the French ones; tests find controls by them). */
export const WORDS = {
  fr: {
    start: 'Je commence',
    next: 'Suivant',
    resume: 'Reprendre',
    validate: 'Je valide',
    skip: 'Je passe',
    quit: 'Quitter',
    report: 'Signaler un problème',
    sendReport: 'Envoyer le signalement',
    reportSent: 'Merci, votre signalement est enregistré.',
    startTimer: 'Commencer',
    timedWarning: /Cette question est chronométrée/,
    timeUp: /Le temps est écoulé/,
    leftPage: /Vous avez quitté la page/,
    answerGroup: 'Votre réponse',
    checkpoint: 'Vos réponses',
    review: 'Réponses et tutos',
    continue: 'Continuer mon parcours',
    seeResults: 'Voir mes résultats',
    mastery: /^Vous maîtrisez (\d+) % des compétences testées$/,
    share: "J'envoie mes résultats",
    shared: /Vos résultats sont envoyés/,
    rules: 'Les règles du jeu',
    expected: 'Réponse attendue',
  },
  en: {
    start: "Let's start",
    next: 'Next',
    resume: 'Resume',
    validate: 'Submit',
    skip: 'Skip',
    quit: 'Quit',
    report: 'Report a problem',
    sendReport: 'Send the report',
    reportSent: 'Thank you, your report is saved.',
    startTimer: 'Start',
    timedWarning: /This question is timed/,
    timeUp: /Time is up/,
    leftPage: /You left the page/,
    answerGroup: 'Your answer',
    checkpoint: 'Your answers',
    review: 'Answers and tutorials',
    continue: 'Continue my test',
    seeResults: 'See my results',
    mastery: /^You master (\d+)% of the competences tested$/,
    share: 'Send my results',
    shared: /Your results are sent/,
    rules: 'The rules of the game',
    expected: 'Expected answer',
  },
} as const;

export type Words = (typeof WORDS)[keyof typeof WORDS];

/** Page model of a student taking a campaign on a lab machine, by the words they see. */
export class StudentCampaign {
  constructor(
    readonly page: Page,
    readonly words: Words = WORDS.fr,
  ) {}

  get challenge(): Locator {
    return this.page.locator('[data-challenge-id]');
  }

  async assessmentId(): Promise<string> {
    const id = await this.page.locator('[data-assessment-id]').getAttribute('data-assessment-id');
    if (!id) throw new Error('no assessment on screen');
    return id;
  }

  /** The id of the challenge on screen, once it is there. */
  async challengeId(): Promise<string> {
    await expect(this.challenge).toHaveCount(1);
    const id = await this.challenge.getAttribute('data-challenge-id');
    if (!id) throw new Error('no challenge on screen');
    return id;
  }

  /** Through the rules of the game (4 screens) to the first challenge. */
  async readRules(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.words.rules })).toBeVisible();
    for (let i = 0; i < 3; i++) await this.page.getByRole('button', { name: this.words.next, exact: true }).click();
    await this.page.getByRole('button', { name: this.words.start, exact: true }).click();
  }

  /** Fills the answer area with `value` as a student would (clicks, typing). */
  async fill(challenge: Challenge, value: AnswerValue): Promise<void> {
    const group = this.page.getByRole('group', { name: this.words.answerGroup });
    if (isChoiceChallenge(challenge)) {
      if (value.kind !== 'choice') throw new Error('choice expected');
      const role = challenge.type === 'QCU' ? 'radio' : 'checkbox';
      for (const index of value.selected) await group.getByRole(role).nth(index - 1).check();
      return;
    }
    if (value.kind !== 'fields') throw new Error('fields expected');
    for (const [i, field] of challenge.fields.entries()) await group.getByRole('textbox').nth(i).fill(value.fields[field.key] ?? '');
  }

  /** Answers and waits until the answer is committed and the screen has moved on (a new challenge or a step). */
  async answer(challenge: Challenge, value: AnswerValue): Promise<void> {
    await this.fill(challenge, value);
    await this.page.getByRole('button', { name: this.words.validate, exact: true }).click();
    await this.movedOnFrom(challenge.id);
  }

  /** "Je passe": the challenge is answered as skipped (named apart from the test runner's own skip). */
  async passChallenge(challengeId: string): Promise<void> {
    await this.page.getByRole('button', { name: this.words.skip, exact: true }).click();
    await this.movedOnFrom(challengeId);
  }

  async movedOnFrom(challengeId: string): Promise<void> {
    await expect(this.page.locator(`[data-challenge-id="${challengeId}"]`)).toHaveCount(0, { timeout: 15_000 });
  }

  /** The checkpoint screen's "Vos réponses", or the end screen's heading, or a challenge: whichever came. */
  async step(): Promise<'challenge' | 'checkpoint' | 'end'> {
    const checkpoint = this.page.getByRole('heading', { level: 2, name: this.words.checkpoint });
    const end = this.page.getByRole('heading', { level: 2, name: this.words.mastery });
    await expect(this.challenge.or(checkpoint).or(end)).toBeVisible();
    if (await checkpoint.isVisible()) return 'checkpoint';
    if (await end.isVisible()) return 'end';
    return 'challenge';
  }

  /** The mastery the end screen shows, in %. */
  async mastery(): Promise<number> {
    const text = await this.page.getByRole('heading', { level: 2, name: this.words.mastery }).innerText();
    const match = this.words.mastery.exec(text.trim());
    if (!match?.[1]) throw new Error(`no mastery in "${text}"`);
    return Number(match[1]);
  }
}
