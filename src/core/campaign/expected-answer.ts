/**
 * The expected answer of a challenge, as "Réponses et tutos" shows it once the learner has answered ([CAMP-7]).
 * Never part of a PublicChallenge: the engine hands it out only for a challenge already in the answer log.
 */
import { isChoiceChallenge } from '../content/is-choice-challenge.ts';
import type { Challenge } from '../content/types.ts';

export type ExpectedAnswer =
  /** QCU / QCM: the right proposals, 1-based, ascending. */
  | { kind: 'choice'; selected: number[] }
  /** QROC / QROCM-ind: each field with its accepted answers, the preferred one first. */
  | { kind: 'fields'; fields: { key: string; label: string; accepted: string[] }[] }
  /** QROCM-dep: as many distinct groups as there are fields, in any order; each group's alternatives. */
  | { kind: 'groups'; fieldCount: number; groups: string[][] };

export function expectedAnswer(challenge: Challenge): ExpectedAnswer {
  if (isChoiceChallenge(challenge)) return { kind: 'choice', selected: [...new Set(challenge.solution)].sort((a, b) => a - b) };
  if (challenge.type === 'QROCM-dep') {
    return { kind: 'groups', fieldCount: challenge.fields.length, groups: challenge.solutionGroups.map((group) => [...group]) };
  }
  return { kind: 'fields', fields: challenge.fields.map((field) => ({ key: field.key, label: field.label, accepted: [...field.solutions] })) };
}
