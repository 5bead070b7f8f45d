/**
 * What the UI may see of a challenge: everything needed to display and answer it, never its solution,
 * accepted answers or explanation (a student with devtools must not find them). Built by copying the
 * allowed fields one by one, so a field added to Challenge later stays private until listed here.
 */
import { isChoiceChallenge } from './is-choice-challenge.ts';
import type { AnswerField, Challenge, PublicChallenge } from './types.ts';

export function toPublicChallenge(challenge: Challenge): PublicChallenge {
  const base = {
    id: challenge.id,
    skillId: challenge.skillId,
    instruction: challenge.instruction,
    locale: challenge.locale,
    focused: challenge.focused,
    requiresInternet: challenge.requiresInternet,
    attachments: challenge.attachments.map((a) => ({ name: a.name, url: a.url, mediaType: a.mediaType })),
    irt: { a: challenge.irt.a, b: challenge.irt.b },
    tolerances: [...challenge.tolerances],
    ...(challenge.timer !== undefined ? { timer: challenge.timer } : {}),
    ...(challenge.illustration ? { illustration: { url: challenge.illustration.url, alt: challenge.illustration.alt } } : {}),
  };
  if (isChoiceChallenge(challenge)) {
    return { ...base, type: challenge.type, proposals: [...challenge.proposals] };
  }
  return { ...base, type: challenge.type, format: challenge.format, fields: challenge.fields.map(publicField) };
}

function publicField(field: AnswerField): Omit<AnswerField, 'solutions'> {
  return { key: field.key, label: field.label, ...(field.placeholder !== undefined ? { placeholder: field.placeholder } : {}) };
}
