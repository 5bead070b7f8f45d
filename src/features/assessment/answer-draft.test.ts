import { describe, expect, it } from 'vitest';
import { toPublicChallenge } from '../../core/content/public-challenge.ts';
import { makeChoiceChallenge, makeFreeChallenge } from '../../core/test/make-pack.ts';
import { emptyDraft, setField, toAnswerValue, toggleChoice } from './answer-draft.ts';

describe('the answer being written', () => {
  it('[SHOW-6] a QCU keeps one choice, a QCM toggles several, in order', () => {
    const qcu = emptyDraft(toPublicChallenge(makeChoiceChallenge({ type: 'QCU' })));
    expect(toggleChoice(toggleChoice(qcu, 2, true), 3, true)).toEqual({ kind: 'choice', selected: [3] });
    const qcm = emptyDraft(toPublicChallenge(makeChoiceChallenge({ type: 'QCM' })));
    expect(toggleChoice(toggleChoice(toggleChoice(qcm, 3, false), 1, false), 3, false)).toEqual({ kind: 'choice', selected: [1] });
    expect(toAnswerValue(toggleChoice(toggleChoice(qcm, 3, false), 1, false))).toEqual({ kind: 'choice', selected: [1, 3] });
  });

  it('[SHOW-6] nothing chosen, or only blanks typed, is not an answer: "Je passe" is the way to give none', () => {
    expect(toAnswerValue(emptyDraft(toPublicChallenge(makeChoiceChallenge())))).toBeNull();
    const free = emptyDraft(toPublicChallenge(makeFreeChallenge({ type: 'QROCM-ind', fields: [{ key: 'a', label: 'A', solutions: ['x'] }, { key: 'b', label: 'B', solutions: ['y'] }] })));
    expect(free).toEqual({ kind: 'fields', fields: { a: '', b: '' } });
    expect(toAnswerValue(setField(free, 'a', '   '))).toBeNull();
    // One field filled is an answer (the engine judges it); the text is sent as typed.
    expect(toAnswerValue(setField(free, 'b', ' Paris '))).toEqual({ kind: 'fields', fields: { a: '', b: ' Paris ' } });
  });
});
