/**
 * Rules on one challenge, beyond what the schemas can say: solutions that designate proposals, fields and
 * groups that fit the type, answers that can be compared (numbers read by the same parser as the answer
 * check), sane ranges. Paths are relative to the challenge.
 */
import { parseNumber } from '../answers/parse-number.ts';
import { isChoiceChallenge } from './is-choice-challenge.ts';
import type { DocPath } from './pack-origins.ts';
import type { RuleIssue } from './rule-issue.ts';
import { TOLERANCES } from './types.ts';
import type { Challenge, ChoiceChallenge, FreeChallenge } from './types.ts';

/** Seconds: shorter leaves no time to read, longer is not a "quick" timed question. */
export const MIN_TIMER_SECONDS = 10;
export const MAX_TIMER_SECONDS = 600;
export const MIN_PROPOSALS = 2;
export const MAX_PROPOSALS = 8;

export function checkChallenge(challenge: Challenge): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const report = (path: DocPath, message: string): void => {
    issues.push({ path, message });
  };
  if (isBlank(challenge.instruction)) report(['instruction'], 'la consigne est vide');
  if (isBlank(challenge.explanation)) report(['explanation'], "l'explication est vide");
  if (challenge.timer !== undefined && !(Number.isInteger(challenge.timer) && challenge.timer >= MIN_TIMER_SECONDS && challenge.timer <= MAX_TIMER_SECONDS)) {
    report(['timer'], `le minuteur doit être un nombre entier de secondes entre ${MIN_TIMER_SECONDS} et ${MAX_TIMER_SECONDS} (trouvé : ${challenge.timer})`);
  }
  if (challenge.illustration && isBlank(challenge.illustration.alt)) {
    report(['illustration', 'alt'], "l'illustration n'a pas de texte alternatif (alt)");
  }
  if (!(Number.isFinite(challenge.irt.a) && challenge.irt.a > 0 && Number.isFinite(challenge.irt.b))) {
    report(['irt'], 'les paramètres IRT doivent être des nombres, avec a > 0');
  }
  checkTolerances(challenge.tolerances, report);
  if (isChoiceChallenge(challenge)) checkChoice(challenge, report);
  else checkFree(challenge, report);
  return issues;
}

type Report = (path: DocPath, message: string) => void;

function checkTolerances(tolerances: readonly string[], report: Report): void {
  const seen = new Set<string>();
  tolerances.forEach((tolerance, i) => {
    if (!(TOLERANCES as readonly string[]).includes(tolerance)) {
      report(['tolerances', i], `tolérance inconnue « ${tolerance} » (T1, T2 ou T3)`);
    } else if (seen.has(tolerance)) {
      report(['tolerances', i], `tolérance ${tolerance} en double`);
    }
    seen.add(tolerance);
  });
}

function checkChoice(challenge: ChoiceChallenge, report: Report): void {
  const count = challenge.proposals.length;
  if (count < MIN_PROPOSALS || count > MAX_PROPOSALS) {
    report(['proposals'], `il faut de ${MIN_PROPOSALS} à ${MAX_PROPOSALS} propositions (trouvé : ${count})`);
  }
  const seen = new Map<string, number>();
  challenge.proposals.forEach((proposal, i) => {
    const key = proposal.trim().normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) report(['proposals', i], `la proposition ${i + 1} répète la proposition ${first + 1} (« ${proposal.trim()} »)`);
    else seen.set(key, i);
  });
  const { solution } = challenge;
  if (challenge.type === 'QCU' && solution.length !== 1) {
    report(['solution'], `une QCU a exactement une solution (trouvé : ${solution.length})`);
  }
  if (challenge.type === 'QCM') {
    if (solution.length < 2) report(['solution'], `une QCM a au moins 2 solutions (trouvé : ${solution.length}) ; pour une seule, utilisez une QCU`);
    else if (count >= 2 && new Set(solution).size >= count) report(['solution'], 'une QCM ne peut pas avoir toutes les propositions pour solution');
  }
  const chosen = new Set<number>();
  solution.forEach((index, i) => {
    // A scalar QCU solution is authored without an index: point at `solution` itself.
    const path: DocPath = challenge.type === 'QCU' ? ['solution'] : ['solution', i];
    if (!Number.isInteger(index) || index < 1 || index > count) {
      report(path, `la solution ${index} ne désigne aucune proposition (1 à ${count})`);
    } else if (chosen.has(index)) {
      report(path, `la solution ${index} est en double`);
    }
    chosen.add(index);
  });
}

function checkFree(challenge: FreeChallenge, report: Report): void {
  const { fields, solutionGroups } = challenge;
  const keys = new Set<string>();
  fields.forEach((field, i) => {
    if (keys.has(field.key)) report(['fields', i, 'key'], `la clé de champ « ${field.key} » est en double`);
    keys.add(field.key);
  });
  if (challenge.type === 'QROC') {
    if (fields.length !== 1) report(['fields'], `une QROC a exactement un champ (trouvé : ${fields.length}) ; pour plusieurs, utilisez une QROCM`);
  } else if (fields.length < 2) {
    report(['fields'], `une ${challenge.type} a au moins 2 champs (trouvé : ${fields.length})`);
  }
  if (challenge.type === 'QROCM-dep') {
    fields.forEach((field, i) => {
      if (field.solutions.length > 0) report(['fields', i, 'solutions'], 'en QROCM-dep, les solutions sont dans solutionGroups, pas dans les champs');
    });
    if (solutionGroups.length < fields.length) {
      report(['solutionGroups'], `il faut au moins autant de groupes de solutions que de champs (${plural(solutionGroups.length, 'groupe')} pour ${plural(fields.length, 'champ')})`);
    }
    solutionGroups.forEach((group, g) => {
      if (group.length === 0) report(['solutionGroups', g], `le groupe de solutions ${g + 1} est vide`);
    });
  } else {
    fields.forEach((field, i) => {
      if (field.solutions.length === 0) report(['fields', i], `le champ « ${field.key} » n'a aucune solution`);
    });
    if (solutionGroups.length > 0) report(['solutionGroups'], 'seule une QROCM-dep a des groupes de solutions');
  }
  const answers: { path: DocPath; text: string }[] = [
    ...fields.flatMap((field, i) => field.solutions.map((text, s) => ({ path: ['fields', i, 'solutions', s], text }))),
    ...solutionGroups.flatMap((group, g) => group.map((text, s) => ({ path: ['solutionGroups', g, s], text }))),
  ];
  for (const { path, text } of answers) {
    if (isBlank(text)) report(path, 'une solution est vide');
    else if (challenge.format === 'number' && parseNumber(text) === undefined) {
      report(path, `la solution « ${text} » n'est pas un nombre alors que le format est number`);
    }
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count > 1 ? 's' : ''}`;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}
