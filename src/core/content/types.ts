/**
 * The compiled content pack: what `npm run content:build` writes, what the app caches in IndexedDB and
 * what the relay loads for its own scoring. SYNC.md fixes the top-level keys and the ids named there.
 * Authored source (content/*.yaml) is described in content/FORMAT.md and compiles to these shapes.
 */
import type { CompetenceId, DomainId } from '../referential.ts';

export const CHALLENGE_TYPES = ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'] as const;
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];

export const TOLERANCES = ['T1', 'T2', 'T3'] as const;
/** T1: trim, lower case, strip accents, remove spaces. T2: drop punctuation. T3: edit distance ≤ 25 %. */
export type Tolerance = (typeof TOLERANCES)[number];

/** How a free answer is compared: as text (with tolerances) or as a number ("3,5" = "3.50"). */
export type AnswerFormat = 'text' | 'number';

export interface LocalizedText {
  fr: string;
  en: string;
}

export interface PackCompetence {
  id: CompetenceId;
  domainId: DomainId;
  name: LocalizedText;
}

export interface PackTube {
  /** e.g. "@rechercheMotsCles"; unique across the bank. */
  id: string;
  competenceId: CompetenceId;
  title: string;
  description: string;
}

export interface PackSkill {
  /** tube id + level, e.g. "@rechercheMotsCles3". */
  id: string;
  tubeId: string;
  /** Difficulty, 1–8. */
  level: number;
  /** Short French hint shown with results ("indice"). */
  hint: string;
}

export interface Attachment {
  /** File name the student downloads. */
  name: string;
  /** URL path of the file inside the app, e.g. "/content/attachments/1.3/notes.csv". */
  url: string;
  mediaType: string;
}

export interface Illustration {
  url: string;
  alt: string;
}

/** One input of a QROC / QROCM challenge. */
export interface AnswerField {
  /** Key of the field in the answer value, e.g. "annee". */
  key: string;
  /** Visible label of the field (French). */
  label: string;
  /** Accepted answers for QROC and QROCM-ind (alternatives). Empty for QROCM-dep. */
  solutions: string[];
  placeholder?: string;
}

interface ChallengeBase {
  id: string;
  skillId: string;
  type: ChallengeType;
  /** Markdown, French. */
  instruction: string;
  locale: 'fr-fr';
  /** Seconds, when the challenge is timed. */
  timer?: number;
  /** Leaving the window is recorded (and fails the answer in certification). */
  focused: boolean;
  requiresInternet: boolean;
  illustration?: Illustration;
  attachments: Attachment[];
  /** 2PL IRT parameters used by the certification algorithm. */
  irt: { a: number; b: number };
  /** Which tolerances apply to free answers (default all three). */
  tolerances: Tolerance[];
  /** Short explanation of the expected answer, shown in "Réponses et tutos". */
  explanation: string;
}

export interface ChoiceChallenge extends ChallengeBase {
  type: 'QCU' | 'QCM';
  /** Markdown inline, in display order. */
  proposals: string[];
  /** 1-based indexes into proposals: exactly one for QCU, one or more for QCM. */
  solution: number[];
}

export interface FreeChallenge extends ChallengeBase {
  type: 'QROC' | 'QROCM-ind' | 'QROCM-dep';
  format: AnswerFormat;
  /** QROC: exactly one field. QROCM-ind: each field checked against its own solutions. */
  fields: AnswerField[];
  /**
   * QROCM-dep only: groups of alternatives; every field's answer must match a distinct group
   * (any order). At least as many groups as fields.
   */
  solutionGroups: string[][];
}

export type Challenge = ChoiceChallenge | FreeChallenge;

export interface Tutorial {
  id: string;
  tubeId: string;
  /** Skills this tutorial helps with (empty: the whole tube). */
  skillIds: string[];
  title: string;
  source: string;
  format: 'texte' | 'vidéo' | 'page' | 'exercice';
  durationMinutes: number;
  /** Markdown, usable offline. */
  text: string;
  /** Optional link for when the network is available. */
  link?: string;
}

/**
 * Exposure control calibrated for the pack's challenges (Sympson–Hetter, src/core/flash/SPEC.md [FLASH-11]):
 * content/exposure.json as content:build embeds it. Part of the pack, so part of its version: the worker and the
 * relay always select certification items with the same K.
 */
export interface PackExposure {
  /** Highest exposure rate the calibration aimed at, in (0, 1]. */
  target: number;
  /** K per challenge id, in (0, 1]; only K < 1 is listed, a challenge not listed gets 1 (no exposure control). */
  eligibility: Record<string, number>;
}

export interface ContentPack {
  /** Content hash of the pack (hex), also in its file name. */
  version: string;
  competences: PackCompetence[];
  tubes: PackTube[];
  skills: PackSkill[];
  challenges: Challenge[];
  tutorials: Tutorial[];
  /** Absent in packs built without a calibration (a CSV import, a test bank): no exposure control. */
  exposure?: PackExposure;
}

/** The manifest beside the pack: what the app and the relay read first. */
export interface ContentManifest {
  version: string;
  url: string;
}

/**
 * A challenge as the UI receives it: never with its solution (workers hand this out).
 */
export type PublicChallenge =
  | Omit<ChoiceChallenge, 'solution' | 'explanation'>
  | (Omit<FreeChallenge, 'fields' | 'solutionGroups' | 'explanation'> & {
      fields: Omit<AnswerField, 'solutions'>[];
    });

/**
 * An answer value: the selected 1-based indexes for QCU/QCM, a map field key → text for free answers.
 * "Je passe" is recorded by result 'aband' with an empty value.
 */
export type AnswerValue = { kind: 'choice'; selected: number[] } | { kind: 'fields'; fields: Record<string, string> };

export const ANSWER_RESULTS = ['ok', 'ko', 'aband', 'timedout', 'focusedOut'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];
