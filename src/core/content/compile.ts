/**
 * Authored competences (content/FORMAT.md) → the compiled pack (types.ts), without its version: the version
 * is a hash of this result, computed where a hash function exists (the build, the relay).
 * Defaults applied here and nowhere else: tolerances T1–T3, format text, focused and requiresInternet false,
 * locale fr-fr, IRT from the level. Every pack item also gets its origin (which input, which path in it),
 * so that a rule broken in the pack is reported at the right line of the authored file.
 */
import { COMPETENCES } from '../referential.ts';
import type { CompetenceId } from '../referential.ts';
import type { AuthoredChallenge, AuthoredCompetence, AuthoredTube } from './authored-types.ts';
import { defaultIrt } from './default-irt.ts';
import { mediaTypeOf } from './media-type.ts';
import type { DocPath, Origin, PackOrigins } from './pack-origins.ts';
import { TOLERANCES } from './types.ts';
import type { Attachment, Challenge, ContentPack, PackSkill, Tutorial } from './types.ts';

export type UnversionedPack = Omit<ContentPack, 'version'>;

export interface CompiledBank {
  pack: UnversionedPack;
  origins: PackOrigins;
}

/** URL prefix of everything under content/attachments/ once built (public/content/attachments/). */
export const ATTACHMENTS_URL = '/content/attachments/';

export function skillIdOf(tubeId: string, level: number): string {
  return `${tubeId}${level}`;
}

export function compileBank(competences: readonly AuthoredCompetence[]): CompiledBank {
  const pack: UnversionedPack = { competences: [], tubes: [], skills: [], challenges: [], tutorials: [] };
  const origins: PackOrigins = { tubes: [], skills: [], challenges: [], tutorials: [] };
  competences.forEach((competence, source) => {
    competence.tubes.forEach((tube, t) => {
      compileTube(competence.competence, tube, pack, origins, { source, path: ['tubes', t] });
    });
  });
  const used = new Set(pack.tubes.map((tube) => tube.competenceId));
  pack.competences = COMPETENCES.filter((c) => used.has(c.id)).map((c) => ({
    id: c.id,
    domainId: c.domainId,
    name: { fr: c.name.fr, en: c.name.en },
  }));
  return { pack, origins };
}

function compileTube(competenceId: CompetenceId, tube: AuthoredTube, pack: UnversionedPack, origins: PackOrigins, at: Origin): void {
  pack.tubes.push({
    id: tube.id,
    competenceId,
    title: tube.title,
    description: tube.description,
  });
  origins.tubes.push(at);
  tube.tutorials.forEach((tutorial, k) => {
    const compiled: Tutorial = {
      id: tutorial.id,
      tubeId: tube.id,
      skillIds: tutorial.skills ?? [],
      title: tutorial.title,
      source: tutorial.source,
      format: tutorial.format,
      durationMinutes: tutorial.durationMinutes,
      text: tutorial.text,
    };
    if (tutorial.link !== undefined) compiled.link = tutorial.link;
    pack.tutorials.push(compiled);
    origins.tutorials.push(child(at, 'tutorials', k));
  });
  tube.skills.forEach((skill, s) => {
    const compiled: PackSkill = { id: skillIdOf(tube.id, skill.level), tubeId: tube.id, level: skill.level, hint: skill.hint };
    pack.skills.push(compiled);
    const skillAt = child(at, 'skills', s);
    origins.skills.push(skillAt);
    skill.challenges.forEach((challenge, c) => {
      pack.challenges.push(compileChallenge(challenge, compiled));
      origins.challenges.push(child(skillAt, 'challenges', c));
    });
  });
}

export function compileChallenge(authored: AuthoredChallenge, skill: PackSkill): Challenge {
  const base = {
    id: authored.id,
    skillId: skill.id,
    instruction: authored.instruction,
    locale: 'fr-fr' as const,
    focused: authored.focused ?? false,
    requiresInternet: authored.requiresInternet ?? false,
    attachments: (authored.attachments ?? []).map(toAttachment),
    irt: authored.irt ? { a: authored.irt.a, b: authored.irt.b } : defaultIrt(authored.type, skill.level),
    tolerances: authored.tolerances ? [...authored.tolerances] : [...TOLERANCES],
    explanation: authored.explanation,
    ...(authored.timer !== undefined ? { timer: authored.timer } : {}),
    ...(authored.illustration ? { illustration: { url: ATTACHMENTS_URL + authored.illustration.file, alt: authored.illustration.alt } } : {}),
  };
  if (authored.type === 'QCU' || authored.type === 'QCM') {
    const solution = authored.solution;
    return {
      ...base,
      type: authored.type,
      proposals: [...(authored.proposals ?? [])],
      solution: typeof solution === 'number' ? [solution] : [...(solution ?? [])],
    };
  }
  return {
    ...base,
    type: authored.type,
    format: authored.format ?? 'text',
    fields: (authored.fields ?? []).map((field) => ({
      key: field.key,
      label: field.label,
      solutions: [...(field.solutions ?? [])],
      ...(field.placeholder !== undefined ? { placeholder: field.placeholder } : {}),
    })),
    solutionGroups: (authored.solutionGroups ?? []).map((group) => [...group]),
  };
}

function toAttachment(path: string): Attachment {
  return { name: path.slice(path.lastIndexOf('/') + 1), url: ATTACHMENTS_URL + path, mediaType: mediaTypeOf(path) };
}

function child(at: Origin, key: string, index: number): Origin {
  const path: DocPath = [...at.path, key, index];
  return { source: at.source, path };
}
