import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../content/types.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import { engineContent, makeAssessment, playTest } from '../test/engine-log.ts';
import { challengeIdOf, makePack } from '../test/make-pack.ts';
import { chooseNextChallenge } from './choose-next.ts';
import { replayAssessment } from './replay-assessment.ts';

// Variant "b" of every even level needs the Internet: whether the machine was online changes the choice.
const pack = makePack({
  competences: [
    { id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4, 5], variants: 2 }, { id: '@b', levels: [1, 2, 3, 4], variants: 2 }] },
    { id: '2.1', tubes: [{ id: '@c', levels: [1, 2, 3], variants: 2 }] },
  ],
  challenge: ({ skill, variant }) => (variant === 1 && skill.level % 2 === 0 ? { requiresInternet: true } : {}),
});
const content = engineContent(pack);
const targets = pack.skills.filter((s) => s.tubeId !== '@c').map((s) => s.id);
const results: readonly AnswerResult[] = ['ok', 'ko', 'ok', 'aband', 'ok', 'ok', 'ko'];

const play = (position: number) => ({ result: results[position % results.length] as 'ok' | 'ko' | 'aband', online: position % 3 !== 1 });

describe('replaying a test from its log', () => {
  it('[REPLAY-3] [REPLAY-4] a log the engine wrote replays identically, flags flipping included', () => {
    const assessment = makeAssessment({ id: 'as-flip' });
    const log = playTest(content, assessment, targets, play);
    expect(log.length).toBeGreaterThan(4);
    expect(log.some((a) => !a.online)).toBe(true);
    const replay = replayAssessment({ content, assessment, targetSkillIds: targets, answers: [...log].reverse() });
    expect(replay.check).toEqual({ matches: true, replayed: log.length });
    expect(replay.sequence).toEqual(log.map((a) => a.challengeId));
  });

  it('[REPLAY-1] the flag recorded with an answer is what the replay chooses with', () => {
    const assessment = makeAssessment({ id: 'as-online' });
    // The first choice is a level-2 skill; online, one of its variants needs the Internet.
    const onlineChoices = new Set(Array.from({ length: 30 }, (_, k) => chooseNextChallenge({ content, assessment: { ...assessment, id: `as-${k}` }, targetSkillIds: targets, answers: [], online: true })).map((c) => (c.kind === 'challenge' ? c.challengeId : 'end')));
    expect([...onlineChoices].some((id) => pack.challenges.find((c) => c.id === id)?.requiresInternet)).toBe(true);
    for (let k = 0; k < 30; k++) {
      const test = { ...assessment, id: `as-${k}` };
      const log = playTest(content, test, targets, () => ({ result: 'ok', online: true }), 1);
      const requiresInternet = pack.challenges.find((c) => c.id === log[0]?.challengeId)?.requiresInternet === true;
      const asIfOffline = log.map((a) => ({ ...a, online: false }));
      const check = replayAssessment({ content, assessment: test, targetSkillIds: targets, answers: asIfOffline }).check;
      // Recorded offline, a challenge that needs the Internet cannot be the engine's choice.
      if (requiresInternet) expect(check).toMatchObject({ matches: false, firstMismatchIndex: 0, reason: 'other-challenge' });
      expect(replayAssessment({ content, assessment: test, targetSkillIds: targets, answers: log }).check.matches).toBe(true);
    }
  });

  it('[REPLAY-2] [SR-12] the frozen prior-seen list steers variants, on the machine and in the replay', () => {
    const fresh = makeAssessment({ id: 'as-prior' });
    // Online, so that both variants of the first skill can be served.
    const first = playTest(content, fresh, targets, () => ({ result: 'ok', online: true }), 1)[0]?.challengeId ?? '';
    const skillId = pack.challenges.find((c) => c.id === first)?.skillId ?? '';
    const seen = makeAssessment({ id: 'as-prior', priorChallengeIds: [first] });
    const log = playTest(content, seen, targets, () => ({ result: 'ok', online: true }), 1);
    expect(log[0]?.challengeId).not.toBe(first);
    expect(pack.challenges.find((c) => c.id === log[0]?.challengeId)?.skillId).toBe(skillId);
    expect(replayAssessment({ content, assessment: seen, targetSkillIds: targets, answers: log }).check.matches).toBe(true);
    // The same log under an assessment that does not carry the list is not what the engine would have chosen.
    expect(replayAssessment({ content, assessment: fresh, targetSkillIds: targets, answers: log }).check).toMatchObject({ matches: false, firstMismatchIndex: 0 });
  });

  it('[REPLAY-4] a swapped or substituted challenge is flagged at the first position that differs', () => {
    const assessment = makeAssessment({ id: 'as-tamper' });
    const log = playTest(content, assessment, targets, play);
    const swapped = log.map((a, i) => (i === 2 ? { ...a, challengeId: log[4]?.challengeId ?? '' } : i === 4 ? { ...a, challengeId: log[2]?.challengeId ?? '' } : a));
    expect(replayAssessment({ content, assessment, targetSkillIds: targets, answers: swapped }).check).toEqual({
      matches: false,
      firstMismatchIndex: 2,
      reason: 'other-challenge',
      expectedChallengeId: log[2]?.challengeId,
      recordedChallengeId: log[4]?.challengeId,
    });
    const other = pack.challenges.find((c) => !log.some((a) => a.challengeId === c.id))?.id ?? '';
    const substituted = log.map((a, i) => (i === 3 ? { ...a, challengeId: other } : a));
    const replay = replayAssessment({ content, assessment, targetSkillIds: targets, answers: substituted });
    expect(replay.check).toMatchObject({ matches: false, firstMismatchIndex: 3, expectedChallengeId: log[3]?.challengeId, recordedChallengeId: other });
    expect(replay.sequence).toEqual(log.slice(0, 4).map((a) => a.challengeId));
  });

  it('[REPLAY-4] an answer after the engine ended the test, or positions out of sequence, are flagged', () => {
    const assessment = makeAssessment({ id: 'as-end' });
    const log = playTest(content, assessment, targets, () => ({ result: 'ok', online: true }));
    const extra = { ...log[0]!, id: 'as-end:extra', index: log.length, challengeId: challengeIdOf('@a1', 1) };
    expect(replayAssessment({ content, assessment, targetSkillIds: targets, answers: [...log, extra] }).check).toMatchObject({
      matches: false, firstMismatchIndex: log.length, reason: 'after-end', expectedChallengeId: null,
    });
    const gap = log.map((a, i) => (i >= 2 ? { ...a, index: a.index + 1 } : a));
    expect(replayAssessment({ content, assessment, targetSkillIds: targets, answers: gap }).check).toMatchObject({ matches: false, firstMismatchIndex: 2, reason: 'position' });
  });

  it('[REPLAY-4] a log that stops early is not a difference', () => {
    const assessment = makeAssessment({ id: 'as-short' });
    const log = playTest(content, assessment, targets, play, 3);
    expect(replayAssessment({ content, assessment, targetSkillIds: targets, answers: log }).check).toEqual({ matches: true, replayed: 3 });
  });

  it('[REPLAY-5] [RETRY-3] a retry chooses and replays from the knowledge frozen on it', () => {
    const first = makeAssessment({ id: 'as-first' });
    const firstLog = playTest(content, first, targets, () => ({ result: 'ok', online: true }), 3);
    const carriedOver = [...computeKnowledgeElements({ index: content.index, answers: firstLog }).values()].filter((ke) => ke.status === 'validated');
    expect(carriedOver.length).toBeGreaterThan(0);
    const retry = makeAssessment({ id: 'as-retry', kind: 'campaign', competenceId: null, campaignId: 'c-1', carriedOver });
    const log = playTest(content, retry, targets, play);
    // Carried-over skills are settled: never asked again.
    const carriedSkills = new Set(carriedOver.map((ke) => ke.skillId));
    expect(log.some((a) => carriedSkills.has(pack.challenges.find((c) => c.id === a.challengeId)?.skillId ?? ''))).toBe(false);
    expect(replayAssessment({ content, assessment: retry, targetSkillIds: targets, answers: log }).check).toEqual({ matches: true, replayed: log.length });
    // A log taken without that knowledge asks a carried-over skill at some point: not what the retry would choose.
    const { carriedOver: _frozen, ...without } = retry;
    const unaware = playTest(content, without, targets, play);
    const asked = unaware.findIndex((a) => carriedSkills.has(pack.challenges.find((c) => c.id === a.challengeId)?.skillId ?? ''));
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(replayAssessment({ content, assessment: retry, targetSkillIds: targets, answers: unaware }).check).toMatchObject({ matches: false });
  });

  it('[REPLAY-3] [FLASH-6] certification replays with the recorded flags, prior assessments playing no part', () => {
    const assessment = makeAssessment({ id: 'as-cert', kind: 'certification', competenceId: null, sessionId: 'session-1' });
    const log = playTest(content, assessment, [], (position) => ({ result: position % 2 === 0 ? 'ok' : 'ko', online: position % 2 === 0 }));
    expect(new Set(log.map((a) => pack.challenges.find((c) => c.id === a.challengeId)?.skillId.replace(/\d$/, ''))).size).toBe(log.length);
    expect(replayAssessment({ content, assessment, targetSkillIds: [], answers: log }).check).toEqual({ matches: true, replayed: log.length });
    const withPrior = { ...assessment, priorChallengeIds: log.map((a) => a.challengeId) };
    expect(replayAssessment({ content, assessment: withPrior, targetSkillIds: [], answers: log }).check.matches).toBe(true);
    const reordered = log.map((a, i) => (i === 0 ? { ...a, challengeId: log[1]?.challengeId ?? '' } : i === 1 ? { ...a, challengeId: log[0]?.challengeId ?? '' } : a));
    expect(replayAssessment({ content, assessment, targetSkillIds: [], answers: reordered }).check).toMatchObject({ matches: false, firstMismatchIndex: 0 });
  });
});
