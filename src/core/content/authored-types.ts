/**
 * The authored shape of one competence file (content/competences/<id>.yaml), as content/FORMAT.md describes
 * it and content/schema/competence.schema.json validates it. Optional fields get their defaults in compile.ts.
 */
import type { CompetenceId } from '../referential.ts';
import type { AnswerFormat, ChallengeType, Tolerance, Tutorial } from './types.ts';

export interface AuthoredCompetence {
  /** CRCN code; must match the file name. */
  competence: CompetenceId;
  tubes: AuthoredTube[];
}

export interface AuthoredTube {
  id: string;
  title: string;
  description: string;
  tutorials: AuthoredTutorial[];
  skills: AuthoredSkill[];
}

export interface AuthoredTutorial {
  id: string;
  title: string;
  source: string;
  format: Tutorial['format'];
  durationMinutes: number;
  /** Skill ids; absent means the whole tube. */
  skills?: string[];
  link?: string;
  text: string;
}

export interface AuthoredSkill {
  /** 1–8; the skill id is the tube id followed by the level. */
  level: number;
  hint: string;
  challenges: AuthoredChallenge[];
}

export interface AuthoredField {
  key: string;
  label: string;
  solutions?: string[];
  placeholder?: string;
}

export interface AuthoredChallenge {
  id: string;
  type: ChallengeType;
  instruction: string;
  explanation: string;
  /** QCU, QCM. */
  proposals?: string[];
  /** 1-based: one index for QCU, a list for QCM. */
  solution?: number | number[];
  /** QROC* only; default 'text'. */
  format?: AnswerFormat;
  fields?: AuthoredField[];
  /** QROCM-dep only. */
  solutionGroups?: string[][];
  /** Default: all three. */
  tolerances?: Tolerance[];
  /** Seconds, 10–600. */
  timer?: number;
  focused?: boolean;
  requiresInternet?: boolean;
  /** `file` is a path under content/attachments/. */
  illustration?: { file: string; alt: string };
  /** Paths under content/attachments/. */
  attachments?: string[];
  irt?: { a: number; b: number };
}

/** One authored competence file and the name it came from (e.g. "content/competences/1.1.yaml"). */
export interface AuthoredSource {
  source: string;
  competence: AuthoredCompetence;
}
