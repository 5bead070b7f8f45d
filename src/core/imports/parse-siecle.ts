/**
 * SIECLE "Élèves sans adresse" (BEE_ELEVES XML, ./FORMATS.md) → learners ([IMPORT-3]): the file's school (UAJ)
 * must be the importing school's; each ELEVE gives the national id, names, sex and birth date; the class is the
 * student's division, the structure of type D in STRUCTURES_ELEVE; students whose DATE_SORTIE is before today
 * have left and are skipped. Problems name the line of the element concerned.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkLearner, frenchDateToIso, tidy } from './learner-fields.ts';
import type { RawField } from './learner-fields.ts';
import type { ImportedLearner, ImportIssue, LearnerFileResult, ParseContext, Sex } from './learner-import.ts';
import { lineIndex } from './line-index.ts';

export interface SiecleContext extends ParseContext {
  /** The importing school's UAI: the file's UAJ must be this one. */
  uai: string;
}

const STUDENT_PATH = 'BEE_ELEVES.DONNEES.ELEVES.ELEVE';
const LIST_PATHS = new Set([STUDENT_PATH, 'BEE_ELEVES.DONNEES.STRUCTURES.STRUCTURES_ELEVE', 'BEE_ELEVES.DONNEES.STRUCTURES.STRUCTURES_ELEVE.STRUCTURE']);
const LABELS: Readonly<Record<RawField, string>> = {
  nationalId: 'Identifiant national (ID_NATIONAL)',
  lastName: 'Nom de famille (NOM_DE_FAMILLE)',
  firstName: 'Prénom (PRENOM)',
  birthDate: 'Date de naissance (DATE_NAISS)',
  className: 'Division',
};
/** The element each field comes from (the class comes from STRUCTURES, elsewhere in the file). */
const TAGS = { nationalId: 'ID_NATIONAL', lastName: 'NOM_DE_FAMILLE', firstName: 'PRENOM', birthDate: 'DATE_NAISS' } as const;
/** SIECLE's CODE_SEXE. */
const SEXES: Readonly<Record<string, Sex>> = { '1': 'M', '2': 'F' };
/** TYPE_STRUCTURE of a division (a class); "G" is a group (a language option, a half class). */
const DIVISION = 'D';
const PROGRESS_EVERY = 500;
const NOT_SIECLE = "Ce fichier n'est pas un export SIECLE « Élèves sans adresse » (il devrait commencer par l'élément BEE_ELEVES) : choisissez le bon fichier ou le bon format.";

/** Where the parser reports each node's position (captureMetaData). */
const META: unknown = XMLParser.getMetaDataSymbol();

export function parseSiecle(text: string, context: SiecleContext): LearnerFileResult {
  if (text.trim() === '') return fail(null, 'Le fichier est vide.');
  const lineAt = lineIndex(text);
  // No DTD: SIECLE never writes one, and entity declarations are how XML files blow up a parser's memory.
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) return fail(lineAt(doctype.index), 'Déclaration DOCTYPE refusée : un export SIECLE n\'en contient pas.');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return malformed(valid.err, lineAt(text.length));
  context.onProgress?.(0.3);

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    captureMetaData: true,
    jPath: true,
    isArray: (_name, path) => typeof path === 'string' && LIST_PATHS.has(path),
  });
  const root = child(parser.parse(text), 'BEE_ELEVES');
  if (!isNode(root)) return fail(null, NOT_SIECLE);
  context.onProgress?.(0.5);

  const parameters = child(root, 'PARAMETRES');
  const uaj = textOf(parameters, 'UAJ').toUpperCase();
  const expected = context.uai.trim().toUpperCase();
  const uajLine = lineOfTag(text, lineAt, parameters, 'UAJ');
  if (!uaj) return fail(uajLine, "L'établissement du fichier (PARAMETRES/UAJ) n'est pas indiqué : exportez de nouveau le fichier depuis SIECLE.");
  if (uaj !== expected) return fail(uajLine, `Ce fichier est celui de l'établissement ${uaj}, pas du vôtre (${expected}) : rien n'a été importé.`);

  const data = child(root, 'DONNEES');
  const students = list(child(data, 'ELEVES'), 'ELEVE');
  if (students.length === 0) return fail(null, 'Le fichier ne contient aucun élève (DONNEES/ELEVES est vide).');
  const divisions = divisionsByStudent(list(child(data, 'STRUCTURES'), 'STRUCTURES_ELEVE'), lineAt);

  const errors: ImportIssue[] = [];
  const learners: ImportedLearner[] = [];
  let skipped = 0;
  students.forEach((student, i) => {
    if (i % PROGRESS_EVERY === 0) context.onProgress?.(0.5 + (0.5 * i) / students.length);
    const line = lineOf(lineAt, student) ?? 1;
    const studentId = textOf(student, 'ELEVE_ID');
    const who = `${tidy(textOf(student, 'NOM_DE_FAMILLE'))} ${tidy(textOf(student, 'PRENOM'))}`.trim() || `élève n° ${i + 1}`;
    const left = tidy(textOf(student, 'DATE_SORTIE'));
    if (left) {
      const leftOn = frenchDateToIso(left);
      if (!leftOn) {
        errors.push({ line: lineOfTag(text, lineAt, student, 'DATE_SORTIE') ?? line, message: `Date de sortie (DATE_SORTIE) invalide « ${left} » : attendu jj/mm/aaaa (${who}).` });
        return;
      }
      if (leftOn < context.today) {
        skipped++;
        return;
      }
    }
    const division = divisions.get(studentId);
    const classLine = division?.line ?? line;
    const divisionProblem = divisionIssue(division?.codes ?? [], who, studentId, classLine);
    if (divisionProblem) errors.push(divisionProblem);
    const lines: Partial<Record<RawField, number>> = { className: classLine };
    for (const field of Object.keys(TAGS) as (keyof typeof TAGS)[]) {
      const at = lineOfTag(text, lineAt, student, TAGS[field]);
      if (at !== null) lines[field] = at;
    }
    const learner = checkLearner(
      {
        line,
        nationalId: textOf(student, 'ID_NATIONAL'),
        lastName: textOf(student, 'NOM_DE_FAMILLE'),
        firstName: textOf(student, 'PRENOM'),
        sex: SEXES[textOf(student, 'CODE_SEXE').trim()] ?? null,
        birthDate: textOf(student, 'DATE_NAISS'),
        // A division problem is reported above: the other fields are still checked, the learner is not kept.
        className: divisionProblem ? '-' : (division?.codes[0] ?? ''),
        labels: LABELS,
        lines,
        nationalIdRequired: true,
      },
      context.today,
      errors,
    );
    if (learner && !divisionProblem) learners.push(learner);
  });
  context.onProgress?.(1);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, learners, skipped };
}

/** [IMPORT-3] Exactly one division: none means the class is unknown, two cannot both be the class. */
function divisionIssue(codes: readonly string[], who: string, studentId: string, line: number): ImportIssue | null {
  if (codes.length === 0) {
    return { line, message: `Aucune division (structure de type D dans STRUCTURES_ELEVE) pour ${who} (ELEVE_ID ${studentId || '?'}) : sa classe est inconnue.` };
  }
  if (codes.length > 1) return { line, message: `Plusieurs divisions pour ${who} (${codes.join(', ')}) : une seule classe par élève.` };
  return null;
}

/** ELEVE_ID → the codes of the student's divisions and the line of their STRUCTURES_ELEVE. */
function divisionsByStudent(entries: unknown[], lineAt: (offset: number) => number): Map<string, { codes: string[]; line: number | null }> {
  const byStudent = new Map<string, { codes: string[]; line: number | null }>();
  for (const entry of entries) {
    const id = textOf(entry, 'ELEVE_ID');
    const found = byStudent.get(id) ?? { codes: [], line: lineOf(lineAt, entry) };
    for (const structure of list(entry, 'STRUCTURE')) {
      const code = tidy(textOf(structure, 'CODE_STRUCTURE'));
      if (textOf(structure, 'TYPE_STRUCTURE').trim().toUpperCase() === DIVISION && code && !found.codes.includes(code)) found.codes.push(code);
    }
    byStudent.set(id, found);
  }
  return byStudent;
}

type XmlNode = Record<string | symbol, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: unknown, name: string): unknown {
  return isNode(node) ? node[name] : undefined;
}

/** A leaf's text; '' when absent or when the element has children instead of text. */
function textOf(node: unknown, name: string): string {
  const value = child(node, name);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function list(node: unknown, name: string): unknown[] {
  const value = child(node, name);
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function startOf(node: unknown): number | null {
  if (!isNode(node) || typeof META !== 'symbol') return null;
  const meta = node[META];
  return isNode(meta) && typeof meta.startIndex === 'number' ? meta.startIndex : null;
}

function lineOf(lineAt: (offset: number) => number, node: unknown): number | null {
  const start = startOf(node);
  return start === null ? null : lineAt(start);
}

const TAG_PATTERNS = new Map<string, RegExp>();

/** `<TAG` followed by a space, `>` or `/` (so PRENOM does not find PRENOM2), compiled once per tag. */
function tagPattern(tag: string): RegExp {
  let pattern = TAG_PATTERNS.get(tag);
  if (!pattern) {
    pattern = new RegExp(`<${tag}[\\s>/]`, 'g');
    TAG_PATTERNS.set(tag, pattern);
  }
  return pattern;
}

/** Line of a child element `<TAG` inside a node (leaves carry no position of their own), or null. */
function lineOfTag(text: string, lineAt: (offset: number) => number, node: unknown, tag: string): number | null {
  const start = startOf(node);
  if (start === null) return null;
  const meta = isNode(node) && typeof META === 'symbol' ? node[META] : undefined;
  const end = isNode(meta) && typeof meta.endIndex === 'number' ? meta.endIndex : text.length;
  const pattern = tagPattern(tag);
  pattern.lastIndex = start;
  const found = pattern.exec(text);
  return found && found.index < end ? lineAt(found.index) : null;
}

/** The validator's findings, in French; its own words stay as a technical detail for whoever helps the teacher. */
function malformed(err: { code: string; msg: string; line: number }, lastLine: number): LearnerFileResult {
  // Elements still open at the end of the text: the file was cut (a download or an export that stopped).
  if (err.code === 'InvalidXml' || /^Unclosed tag/.test(err.msg)) {
    return fail(lastLine, "Le fichier s'arrête avant la fin (des éléments XML ne sont jamais refermés) : il est incomplet, exportez-le de nouveau depuis SIECLE.");
  }
  return fail(err.line, `Ce n'est pas un fichier XML valide (détail technique : ${err.msg}) : choisissez l'export SIECLE tel qu'il a été téléchargé.`);
}

function fail(line: number | null, message: string): LearnerFileResult {
  return { ok: false, errors: [{ line, message }] };
}
