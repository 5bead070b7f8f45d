/**
 * Small content packs built in code for the engine's tests: a few competences, tubes and levels, each skill
 * with its variants. Challenges are QCU whose right answer is proposal 1 unless `challenge` says otherwise.
 */
import type { Answer } from '../answers/types.ts';
import type { AnswerResult, Challenge, ChoiceChallenge, ContentPack, FreeChallenge, PackSkill } from '../content/types.ts';
import { COMPETENCES } from '../referential.ts';
import type { CompetenceId } from '../referential.ts';

export interface TubeSpec {
  /** e.g. "@motsCles". */
  id: string;
  levels: readonly number[];
  /** Challenges per skill (default 1). */
  variants?: number;
}

export interface PackSpec {
  competences: readonly { id: CompetenceId; tubes: readonly TubeSpec[] }[];
  /** Changes to each generated challenge (timer, requiresInternet…). */
  challenge?: (info: { skill: PackSkill; variant: number }) => Partial<ChoiceChallenge>;
  /** Tutorials: one per tube naming no skill, unless false. */
  tutorials?: boolean;
}

export function makePack(spec: PackSpec): ContentPack {
  const pack: ContentPack = { version: 'test', competences: [], tubes: [], skills: [], challenges: [], tutorials: [] };
  for (const { id: competenceId, tubes } of spec.competences) {
    const competence = COMPETENCES.find((c) => c.id === competenceId);
    if (competence === undefined) throw new Error(`unknown competence ${competenceId}`);
    pack.competences.push({ id: competence.id, domainId: competence.domainId, name: { ...competence.name } });
    for (const tube of tubes) {
      pack.tubes.push({ id: tube.id, competenceId, title: tube.id, description: tube.id });
      if (spec.tutorials !== false) {
        pack.tutorials.push({
          id: `tuto-${slug(tube.id)}`,
          tubeId: tube.id,
          skillIds: [],
          title: `Tutoriel ${tube.id}`,
          source: 'Tests',
          format: 'texte',
          durationMinutes: 2,
          text: 'Texte.',
        });
      }
      for (const level of tube.levels) {
        const skill: PackSkill = { id: `${tube.id}${level}`, tubeId: tube.id, level, hint: 'Indice.' };
        pack.skills.push(skill);
        for (let variant = 0; variant < (tube.variants ?? 1); variant++) {
          pack.challenges.push({ ...makeChoiceChallenge({ id: challengeIdOf(skill.id, variant), skillId: skill.id }), ...spec.challenge?.({ skill, variant }) });
        }
      }
    }
  }
  return pack;
}

/** The id makePack gives to variant `variant` (0-based) of a skill: "motscles2-a". */
export function challengeIdOf(skillId: string, variant = 0): string {
  return `${slug(skillId)}-${String.fromCharCode(97 + variant)}`;
}

function slug(id: string): string {
  return id.replace(/^@/, '').toLowerCase();
}

const BASE = {
  instruction: 'Consigne.',
  locale: 'fr-fr',
  focused: false,
  requiresInternet: false,
  attachments: [],
  irt: { a: 1.2, b: 0 },
  tolerances: ['T1', 'T2', 'T3'],
  explanation: 'Explication.',
} as const;

export function makeChoiceChallenge(overrides: Partial<ChoiceChallenge> = {}): ChoiceChallenge {
  return { ...BASE, tolerances: [...BASE.tolerances], attachments: [], id: 'qcu-1', skillId: '@tube1', type: 'QCU', proposals: ['A', 'B', 'C'], solution: [1], ...overrides };
}

export function makeFreeChallenge(overrides: Partial<FreeChallenge> = {}): FreeChallenge {
  return {
    ...BASE,
    tolerances: [...BASE.tolerances],
    attachments: [],
    id: 'qroc-1',
    skillId: '@tube1',
    type: 'QROC',
    format: 'text',
    fields: [{ key: 'reponse', label: 'Réponse', solutions: ['Paris'] }],
    solutionGroups: [],
    ...overrides,
  };
}

/** Answer records for one assessment, in order: [challengeId, result] pairs. */
export function makeAnswers(assessmentId: string, entries: readonly (readonly [string, AnswerResult])[], firstIndex = 0): Answer[] {
  return entries.map(([challengeId, result], i) => makeAnswer({ assessmentId, challengeId, result, index: firstIndex + i }));
}

export function makeAnswer(fields: Pick<Answer, 'assessmentId' | 'challengeId' | 'result' | 'index'> & Partial<Answer>): Answer {
  return {
    id: `${fields.assessmentId}-${fields.index}`,
    value: fields.result === 'aband' ? { kind: 'choice', selected: [] } : { kind: 'choice', selected: [1] },
    timeSpentMs: 10_000,
    answeredAt: 0,
    deviceId: 'device-test',
    ...fields,
  };
}

/** A challenge of the pack, or a failing test. */
export function challengeOf(pack: ContentPack, id: string): Challenge {
  const challenge = pack.challenges.find((c) => c.id === id);
  if (challenge === undefined) throw new Error(`no challenge ${id}`);
  return challenge;
}
