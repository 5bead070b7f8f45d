/** The real challenge bank compiled in memory (no build needed), and answers that are right or wrong for a challenge. */
import { isChoiceChallenge } from '../src/core/content/is-choice-challenge.ts';
import type { AnswerValue, Challenge, ContentPack } from '../src/core/content/types.ts';
import { checkBank } from '../scripts/content/check-bank.ts';
import { withVersion } from '../sync-server/content/pack-version.ts';
import { CONTENT_DIR, REPO_ROOT } from '../scripts/content/repo-paths.ts';

let cached: ContentPack | undefined;

export function bankPack(): ContentPack {
  if (cached) return cached;
  const result = checkBank({ contentDir: CONTENT_DIR, root: REPO_ROOT });
  if (result.errors.length > 0) throw new Error(`the bank has ${result.errors.length} error(s): run npm run content:check`);
  cached = withVersion(result.compiled.pack);
  return cached;
}

export function correctAnswer(challenge: Challenge): AnswerValue {
  if (isChoiceChallenge(challenge)) return { kind: 'choice', selected: [...challenge.solution] };
  if (challenge.type === 'QROCM-dep') {
    return { kind: 'fields', fields: Object.fromEntries(challenge.fields.map((f, i) => [f.key, challenge.solutionGroups[i]?.[0] ?? ''])) };
  }
  return { kind: 'fields', fields: Object.fromEntries(challenge.fields.map((f) => [f.key, f.solutions[0] ?? ''])) };
}

export function wrongAnswer(challenge: Challenge): AnswerValue {
  if (isChoiceChallenge(challenge)) {
    const wrong = challenge.proposals.map((_, i) => i + 1).filter((i) => !challenge.solution.includes(i));
    return { kind: 'choice', selected: wrong.slice(0, 1) };
  }
  return { kind: 'fields', fields: Object.fromEntries(challenge.fields.map((f) => [f.key, 'zzzz qqqq wwww'])) };
}
