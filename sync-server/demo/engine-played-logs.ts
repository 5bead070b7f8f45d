/**
 * Tests played by the real engine, as a lab machine would hold them: each challenge is src/core's own choice
 * (chooseNextChallenge), answered with a value that the relay's re-check finds right or wrong as asked. The demo
 * school builds its certifiable learners with these (their profiles come from answers, never from written levels),
 * and the relay's certification tests use them too.
 */
import { expectedAnswer } from '../../src/core/campaign/expected-answer.ts';
import { competenceTargetSkillIds } from '../../src/core/campaign/target-profile.ts';
import type { AnswerValue, Challenge } from '../../src/core/content/types.ts';
import { chooseNextChallenge } from '../../src/core/replay/choose-next.ts';
import type { EngineContent } from '../../src/core/replay/choose-next.ts';
import type { CompetenceId } from '../../src/core/referential.ts';
import type { AnswerDocument, AssessmentDocument, AssessmentState } from '../../src/core/sync/documents.ts';

export interface PlayedTest {
  assessment: AssessmentDocument;
  answers: AnswerDocument[];
}

function rightValue(challenge: Challenge): AnswerValue {
  const expected = expectedAnswer(challenge);
  if (expected.kind === 'choice') return { kind: 'choice', selected: expected.selected };
  if (expected.kind === 'groups') {
    return { kind: 'fields', fields: Object.fromEntries(challenge.type === 'QROCM-dep' ? challenge.fields.map((f, i) => [f.key, expected.groups[i]?.[0] ?? '']) : []) };
  }
  return { kind: 'fields', fields: Object.fromEntries(expected.fields.map((f) => [f.key, f.accepted[0] ?? ''])) };
}

function wrongValue(challenge: Challenge): AnswerValue {
  const expected = expectedAnswer(challenge);
  if (expected.kind === 'choice') {
    const count = 'proposals' in challenge ? challenge.proposals.length : 0;
    const wrong = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !expected.selected.includes(i));
    return { kind: 'choice', selected: wrong.slice(0, 1) };
  }
  const keys = expected.kind === 'fields' ? expected.fields.map((f) => f.key) : challenge.type === 'QROCM-dep' ? challenge.fields.map((f) => f.key) : [];
  return { kind: 'fields', fields: Object.fromEntries(keys.map((key) => [key, 'zzzz qqqq wwww'])) };
}

export interface PlaySpec {
  id: string;
  learnerId: string;
  kind: 'competence' | 'certification';
  /** For a competence test. */
  competenceId?: CompetenceId;
  /** For a certification test. */
  sessionId?: string;
  state: AssessmentState;
  startedAt: number;
  deviceId: string;
  /** Whether the answer at this position, on this challenge, is right. */
  right: (challenge: Challenge, position: number) => boolean;
  maxAnswers?: number;
}

export function playTest(content: EngineContent, spec: PlaySpec): PlayedTest {
  const competenceId = spec.kind === 'competence' ? (spec.competenceId ?? null) : null;
  const assessment: AssessmentDocument = {
    id: spec.id,
    kind: spec.kind,
    learnerId: spec.learnerId,
    campaignId: null,
    competenceId,
    sessionId: spec.kind === 'certification' ? (spec.sessionId ?? null) : null,
    state: spec.state,
    startedAt: spec.startedAt,
    completedAt: spec.state === 'started' ? null : spec.startedAt + 30 * 60_000,
    sharedAt: null,
    deviceId: spec.deviceId,
    contentVersion: content.version,
    priorChallengeIds: [],
    updatedAt: 0,
    _deleted: false,
  };
  const targetSkillIds = spec.competenceId && spec.kind === 'competence' ? competenceTargetSkillIds(content.index, spec.competenceId) : [];
  const answers: AnswerDocument[] = [];
  for (let index = 0; index < (spec.maxAnswers ?? 200); index++) {
    const choice = chooseNextChallenge({ content, assessment, targetSkillIds, answers, online: true });
    if (choice.kind === 'end') break;
    const challenge = content.index.challengeById.get(choice.challengeId);
    if (!challenge) throw new Error(`the engine chose an unknown challenge ${choice.challengeId}`);
    const right = spec.right(challenge, index);
    answers.push({
      id: `${spec.id}:${index}`,
      assessmentId: spec.id,
      learnerId: spec.learnerId,
      challengeId: challenge.id,
      value: right ? rightValue(challenge) : wrongValue(challenge),
      result: right ? 'ok' : 'ko',
      timeSpentMs: 20_000,
      answeredAt: spec.startedAt + index * 30_000,
      deviceId: spec.deviceId,
      index,
      online: true,
      updatedAt: 0,
      _deleted: false,
    });
  }
  return { assessment, answers };
}

/** A competence test answered right up to `level` (skills above it wrong): the profile reaches about that level. */
export function competenceUpToLevel(content: EngineContent, spec: Omit<PlaySpec, 'kind' | 'right' | 'state'> & { competenceId: CompetenceId; level: number }): PlayedTest {
  return playTest(content, {
    ...spec,
    kind: 'competence',
    state: 'completed',
    right: (challenge) => (content.index.skillById.get(challenge.skillId)?.level ?? 99) <= spec.level,
  });
}
