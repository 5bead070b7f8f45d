/**
 * Ajv errors → RuleIssues: a path into the document (so the caller can name a line) and a French sentence an
 * author can act on. Errors that only explain another one (the `if` of an if/then) are dropped.
 */
import type { ErrorObject } from 'ajv';
import type { DocPath } from '../../src/core/content/pack-origins.ts';
import type { RuleIssue } from '../../src/core/content/rule-issue.ts';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'un texte (mettez la valeur entre guillemets)',
  integer: 'un nombre entier',
  number: 'un nombre',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un objet (des champs « clé: valeur »)',
  null: 'vide',
};

/** What each pattern of the schemas means, for the message. */
const PATTERN_NAMES: Readonly<Record<string, string>> = {
  '^[a-z0-9][a-z0-9.-]*$': 'minuscules, chiffres, « - » et « . »',
  '^@[a-z][A-Za-z0-9]*$': '« @ » suivi d’un nom en lowerCamelCase',
  '^@[a-z][A-Za-z0-9]*[1-8]$': 'un identifiant d’acquis : sujet + niveau, par exemple « @rechercheMotsCles2 »',
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': 'lettres, chiffres, « - », « _ » et « . »',
  '^[A-Za-z][A-Za-z0-9_-]*$': 'une lettre puis lettres, chiffres, « - » ou « _ »',
  '^https?://': 'une adresse commençant par http:// ou https://',
  '^[0-9a-f]{16}$': '16 chiffres hexadécimaux',
};

export function toRuleIssues(errors: readonly ErrorObject[] | null | undefined): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    const issue = toRuleIssue(error);
    if (!issue) continue;
    const key = `${JSON.stringify(issue.path)} ${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toRuleIssue(error: ErrorObject): RuleIssue | null {
  const path = pointerToPath(error.instancePath);
  const params: Record<string, unknown> = error.params;
  const value = `${fieldName(path)}${shown(error.data)}`;
  switch (error.keyword) {
    case 'if':
      return null;
    case 'required':
      return { path, message: `champ obligatoire manquant : ${String(params.missingProperty)}` };
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], message: `champ inconnu « ${String(params.additionalProperty)} »` };
    case 'false schema':
      return { path, message: `le champ « ${String(path.at(-1))} » n'a pas de sens pour ce type d'épreuve` };
    case 'type':
      return { path, message: `${value} doit être ${TYPE_NAMES[String(params.type)] ?? String(params.type)}` };
    case 'enum':
    case 'const': {
      const allowed = (Array.isArray(params.allowedValues) ? params.allowedValues : [params.allowedValue]).map(String);
      return { path, message: `${value} n'est pas permis (attendu : ${allowed.join(', ')})` };
    }
    case 'pattern':
      return { path, message: `${value} n'a pas la forme attendue (${PATTERN_NAMES[String(params.pattern)] ?? describePattern(String(params.pattern))})` };
    case 'format':
      return { path, message: `${value} n'est pas une adresse web valide (accents et espaces encodés : %C3%A9, %20)` };
    case 'minLength':
      return { path, message: `${fieldName(path)}ce texte ne doit pas être vide` };
    case 'minItems':
      return { path, message: `${fieldName(path)}il faut au moins ${String(params.limit)} élément(s)` };
    case 'maxItems':
      return { path, message: `${fieldName(path)}il faut au plus ${String(params.limit)} éléments` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `${value} doit être ${String(params.comparison)} ${String(params.limit)}` };
    default:
      return { path, message: error.message ?? `règle ${error.keyword} non respectée` };
  }
}

/** "solution : ", "tolerances n°2 : " — which value a message speaks of, since a line may hold several. */
function fieldName(path: DocPath): string {
  const last = path.at(-1);
  const previous = path.at(-2);
  if (typeof last === 'string') return `${last} : `;
  if (typeof last === 'number' && typeof previous === 'string') return `${previous} n°${last + 1} : `;
  return '';
}

function describePattern(pattern: string): string {
  // Attachment and illustration paths: name the allowed extensions rather than print a regular expression.
  const extensions = /\\\.\(([a-z|]+)\)\$$/.exec(pattern)?.[1];
  if (extensions) return `un chemin sous content/attachments/ sans espace ni accent, d'extension ${extensions.split('|').join(', ')}`;
  return `motif ${pattern}`;
}

function shown(data: unknown): string {
  if (data === undefined) return 'la valeur';
  const text = typeof data === 'string' ? `« ${data} »` : JSON.stringify(data);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** "/tubes/0/skills/2/level" → ['tubes', 0, 'skills', 2, 'level'] (digit-only segments are array indexes). */
export function pointerToPath(pointer: string): DocPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
