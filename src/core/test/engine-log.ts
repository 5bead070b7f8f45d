/**
 * Test support: a pack ready for the engine, and a test played to its end (or a length) by calling the engine's own
 * choice, as a lab machine does, recording each answer with the flag it was chosen with. Values are right (proposal
 * 1, makePack's solution) for 'ok', wrong (proposal 2) for 'ko', empty for 'aband'.
 */
import { buildPackIndex } from '../content/pack-index.ts';
import type { ContentPack } from '../content/types.ts';
import { createFlashBank } from '../flash/flash-bank.ts';
import type { FlashBank } from '../flash/flash-bank.ts';
import { flashItemsFromPack } from '../flash/content-pack-items.ts';
import { chooseNextChallenge } from '../replay/choose-next.ts';
import type { EngineContent } from '../replay/choose-next.ts';
import type { RecordedAnswer } from '../results/recheck-answers.ts';
import type { AssessmentDocument } from '../sync/documents.ts';

export function engineContent(pack: ContentPack): EngineContent {
  let bank: FlashBank | undefined;
  return { version: pack.version, index: buildPackIndex(pack), flashBank: () => (bank ??= createFlashBank(flashItemsFromPack(pack))) };
}

export function makeAssessment(overrides: Partial<AssessmentDocument> = {}): AssessmentDocument {
  return {
    id: 'as-test',
    kind: 'competence',
    learnerId: 'learner-1',
    campaignId: null,
    competenceId: '1.1',
    sessionId: null,
    state: 'started',
    startedAt: 0,
    completedAt: null,
    sharedAt: null,
    deviceId: 'device-test',
    contentVersion: '0123456789abcdef',
    priorChallengeIds: [],
    updatedAt: 0,
    _deleted: false,
    ...overrides,
  };
}

export type Played = { result: 'ok' | 'ko' | 'aband'; online: boolean };

/** Plays until the engine ends the test or `limit` answers; `play` decides each answer and the flag of its choice. */
export function playTest(
  content: EngineContent,
  assessment: AssessmentDocument,
  targetSkillIds: readonly string[],
  play: (position: number) => Played,
  limit = 200,
): RecordedAnswer[] {
  const log: RecordedAnswer[] = [];
  for (let position = 0; position < limit; position++) {
    const { result, online } = play(position);
    const choice = chooseNextChallenge({ content, assessment, targetSkillIds, answers: log, online });
    if (choice.kind === 'end') break;
    log.push({
      id: `${assessment.id}:${position}`,
      assessmentId: assessment.id,
      challengeId: choice.challengeId,
      value: result === 'ok' ? { kind: 'choice', selected: [1] } : result === 'ko' ? { kind: 'choice', selected: [2] } : { kind: 'choice', selected: [] },
      result,
      timeSpentMs: 5_000,
      index: position,
      online,
    });
  }
  return log;
}
