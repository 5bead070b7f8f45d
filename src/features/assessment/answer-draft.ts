/**
 * What the student is typing or ticking, before "Je valide": a draft per challenge, turned into the engine's
 * AnswerValue only when it says something (an empty answer is not sent: "Je passe" is the way to give none).
 */
import type { AnswerValue, PublicChallenge } from '../../core/content/types.ts';

/** A QCU or QCM as the screen receives it (`type` alone does not narrow the union). */
export type PublicChoiceChallenge = Extract<PublicChallenge, { proposals: string[] }>;
export type PublicFreeChallenge = Exclude<PublicChallenge, PublicChoiceChallenge>;

export function isChoice(challenge: PublicChallenge): challenge is PublicChoiceChallenge {
  return 'proposals' in challenge;
}

export type AnswerDraft = { kind: 'choice'; selected: number[] } | { kind: 'fields'; fields: Record<string, string> };

export function emptyDraft(challenge: PublicChallenge): AnswerDraft {
  if (isChoice(challenge)) return { kind: 'choice', selected: [] };
  return { kind: 'fields', fields: Object.fromEntries(challenge.fields.map((field) => [field.key, ''])) };
}

/** Ticks or unticks proposal `index` (1-based); a QCU keeps only the last one chosen. */
export function toggleChoice(draft: AnswerDraft, index: number, single: boolean): AnswerDraft {
  if (draft.kind !== 'choice') return draft;
  if (single) return { kind: 'choice', selected: [index] };
  const selected = draft.selected.includes(index) ? draft.selected.filter((i) => i !== index) : [...draft.selected, index];
  return { kind: 'choice', selected: selected.sort((a, b) => a - b) };
}

export function setField(draft: AnswerDraft, key: string, text: string): AnswerDraft {
  if (draft.kind !== 'fields') return draft;
  return { kind: 'fields', fields: { ...draft.fields, [key]: text } };
}

/** The value to send, or null when nothing was chosen or every field is blank. */
export function toAnswerValue(draft: AnswerDraft): AnswerValue | null {
  if (draft.kind === 'choice') return draft.selected.length > 0 ? { kind: 'choice', selected: [...draft.selected] } : null;
  const blank = Object.values(draft.fields).every((text) => text.trim() === '');
  return blank ? null : { kind: 'fields', fields: { ...draft.fields } };
}
