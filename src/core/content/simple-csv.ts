/**
 * The simple CSV format for QCU/QCM questions (content/FORMAT.md, "Simple CSV import"): one row per question,
 * as a teacher fills it in a spreadsheet. Rows become authored competences, so that the same schema, rules
 * and compilation as the built-in bank apply; every problem is reported with its line number (1 = header).
 */
// By its file path, typed by ./papaparse.d.ts: @types/papaparse would bring Node's types into src/core.
import Papa from 'papaparse/papaparse.js';
import { isCompetenceId } from '../referential.ts';
import type { CompetenceId } from '../referential.ts';
import type { AuthoredChallenge, AuthoredCompetence, AuthoredSkill, AuthoredTube } from './authored-types.ts';
import type { DocPath } from './pack-origins.ts';

/** Proposal columns in display order: the first two are required, the others optional (up to 8). */
const PROPOSAL_COLUMNS = [
  'proposition1', 'proposition2', 'proposition3', 'proposition4', 'proposition5', 'proposition6', 'proposition7', 'proposition8',
] as const;
export const SIMPLE_CSV_REQUIRED_COLUMNS = [
  'competence', 'sujet', 'titre_sujet', 'niveau', 'indice', 'id', 'type', 'consigne', 'proposition1', 'proposition2',
  'solution', 'explication', 'tutoriel',
] as const;
export const SIMPLE_CSV_OPTIONAL_COLUMNS = [
  'description_sujet', 'titre_tutoriel', 'proposition3', 'proposition4', 'proposition5', 'proposition6', 'proposition7',
  'proposition8', 'minuteur', 'focus',
] as const;
type Column = (typeof SIMPLE_CSV_REQUIRED_COLUMNS)[number] | (typeof SIMPLE_CSV_OPTIONAL_COLUMNS)[number];
const KNOWN_COLUMNS: readonly string[] = [...SIMPLE_CSV_REQUIRED_COLUMNS, ...SIMPLE_CSV_OPTIONAL_COLUMNS];
const NEWLINE = 10;
/** Reading speed used to estimate a tutorial's duration, words per minute. */
const WORDS_PER_MINUTE = 200;

/** A problem at a line of the CSV (1-based, the header is line 1), or of the whole file (null). */
export interface CsvLineIssue {
  line: number | null;
  message: string;
}

export type SimpleCsvResult =
  | {
      ok: true;
      competences: AuthoredCompetence[];
      /** Line of the row an authored path comes from (the first row of a tube or skill). */
      lineOf: (source: number, path: DocPath) => number | null;
    }
  | { ok: false; errors: CsvLineIssue[] };

interface Row {
  line: number;
  cell: (column: Column) => string;
}

export function parseSimpleCsv(text: string): SimpleCsvResult {
  const errors: CsvLineIssue[] = [];
  const rows = readRows(text, errors);
  if (errors.length > 0) return { ok: false, errors };

  const competences: AuthoredCompetence[] = [];
  const lines = new Map<string, number>();
  const at = (source: number, path: DocPath, line: number): void => {
    lines.set(pathKey(source, path), line);
  };
  const sources = new Map<CompetenceId, number>();
  const tubes = new Map<string, { source: number; index: number; tube: AuthoredTube; competence: CompetenceId; firstLine: number }>();
  const skills = new Map<string, { index: number; skill: AuthoredSkill; firstLine: number }>();

  for (const row of rows) {
    const report = (message: string): void => {
      errors.push({ line: row.line, message });
    };
    const competence = row.cell('competence');
    const tubeId = row.cell('sujet');
    const level = Number(row.cell('niveau'));
    if (!isCompetenceId(competence)) report(`compétence inconnue « ${competence} » (1.1 à 5.2)`);
    if (!/^@[a-z][A-Za-z0-9]*$/.test(tubeId)) report(`sujet « ${tubeId} » : « @ » suivi d'un nom en lowerCamelCase, par exemple @motsCles`);
    if (!(Number.isInteger(level) && level >= 1 && level <= 8)) report(`niveau « ${row.cell('niveau')} » : un entier de 1 à 8`);
    const challenge = readChallenge(row, report);
    if (!isCompetenceId(competence) || !challenge || errors.some((e) => e.line === row.line)) continue;

    let source = sources.get(competence);
    if (source === undefined) {
      source = competences.length;
      sources.set(competence, source);
      competences.push({ competence, tubes: [] });
      at(source, [], row.line);
    }
    let tubeEntry = tubes.get(tubeId);
    if (!tubeEntry) {
      const owner = competences[source];
      if (!owner) continue;
      const tube: AuthoredTube = { id: tubeId, title: '', description: '', tutorials: [], skills: [] };
      tubeEntry = { source, index: owner.tubes.length, tube, competence, firstLine: row.line };
      owner.tubes.push(tube);
      tubes.set(tubeId, tubeEntry);
      at(source, ['tubes', tubeEntry.index], row.line);
    } else if (tubeEntry.competence !== competence) {
      report(`le sujet ${tubeId} est déjà dans la compétence ${tubeEntry.competence}`);
      continue;
    }
    const tubePath: DocPath = ['tubes', tubeEntry.index];
    const { tube } = tubeEntry;
    const title = row.cell('titre_sujet');
    if (title !== '' && tube.title !== '' && title !== tube.title) report(`titre du sujet ${tubeId} différent de celui de la ligne ${tubeEntry.firstLine}`);
    if (tube.title === '') tube.title = title;
    if (tube.description === '' && row.cell('description_sujet') !== '') tube.description = row.cell('description_sujet');
    const tutorialText = row.cell('tutoriel');
    if (tube.tutorials.length === 0 && tutorialText !== '') {
      tube.tutorials.push({
        id: `tuto-${tubeId.slice(1)}`,
        title: row.cell('titre_tutoriel') || title || tubeId,
        source: 'Import CSV',
        format: 'texte',
        durationMinutes: Math.max(1, Math.round(tutorialText.split(/\s+/).length / WORDS_PER_MINUTE)),
        text: tutorialText,
      });
      at(source, [...tubePath, 'tutorials', 0], row.line);
    }

    const skillKey = `${tubeId}${level}`;
    let skillEntry = skills.get(skillKey);
    if (!skillEntry) {
      skillEntry = { index: tube.skills.length, skill: { level, hint: '', challenges: [] }, firstLine: row.line };
      tube.skills.push(skillEntry.skill);
      skills.set(skillKey, skillEntry);
      at(source, [...tubePath, 'skills', skillEntry.index], row.line);
    }
    const { skill } = skillEntry;
    if (skill.hint === '') skill.hint = row.cell('indice');
    at(source, [...tubePath, 'skills', skillEntry.index, 'challenges', skill.challenges.length], row.line);
    skill.challenges.push(challenge);
  }

  for (const [tubeId, entry] of tubes) {
    if (entry.tube.title === '') errors.push({ line: entry.firstLine, message: `aucune ligne ne donne le titre du sujet ${tubeId} (colonne titre_sujet)` });
    if (entry.tube.description === '') entry.tube.description = entry.tube.title;
  }
  for (const [skillId, entry] of skills) {
    if (entry.skill.hint.trim() === '') errors.push({ line: entry.firstLine, message: `aucune ligne ne donne l'indice de l'acquis ${skillId} (colonne indice)` });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return {
    ok: true,
    competences,
    lineOf: (source, path) => {
      for (let length = path.length; length >= 0; length--) {
        const line = lines.get(pathKey(source, path.slice(0, length)));
        if (line !== undefined) return line;
      }
      return null;
    },
  };
}

function readChallenge(row: Row, report: (message: string) => void): AuthoredChallenge | null {
  const type = row.cell('type').toUpperCase();
  if (type !== 'QCU' && type !== 'QCM') {
    report(`type « ${row.cell('type')} » : ce format n'accepte que QCU et QCM`);
    return null;
  }
  const proposals: string[] = [];
  let gap = false;
  for (const column of PROPOSAL_COLUMNS) {
    const proposal = row.cell(column);
    if (proposal === '') gap = true;
    else if (gap) report(`${column} remplie après une proposition vide : les propositions se suivent sans trou`);
    else proposals.push(proposal);
  }
  const indexes = row.cell('solution').split(/[^0-9]+/).filter((part) => part !== '').map(Number);
  if (indexes.length === 0) {
    report(`solution « ${row.cell('solution')} » : le numéro de la bonne proposition (QCU) ou des bonnes propositions (QCM, par exemple « 1,3 »)`);
    return null;
  }
  if (type === 'QCU' && indexes.length !== 1) report(`solution « ${row.cell('solution')} » : une QCU a une seule bonne proposition`);
  const focus = row.cell('focus').toLowerCase();
  if (!['', 'oui', 'non', 'true', 'false', '1', '0'].includes(focus)) report(`focus « ${row.cell('focus')} » : oui ou non`);
  const timer = row.cell('minuteur');
  if (timer !== '' && !/^\d+$/.test(timer)) report(`minuteur « ${timer} » : un nombre entier de secondes`);
  const [first] = indexes;
  return {
    id: row.cell('id'),
    type,
    instruction: row.cell('consigne'),
    explanation: row.cell('explication'),
    proposals,
    solution: type === 'QCU' && first !== undefined ? first : indexes,
    ...(timer !== '' && /^\d+$/.test(timer) ? { timer: Number(timer) } : {}),
    ...(['oui', 'true', '1'].includes(focus) ? { focused: true } : {}),
  };
}

/** Rows with their line numbers; header problems and CSV syntax errors go to `errors`. */
function readRows(input: string, errors: CsvLineIssue[]): Row[] {
  // Offsets are counted on this text: one kind of line end, no byte order mark.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: { line: number; cells: string[] }[] = [];
  const lineAt = lineCounter(text);
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const line = recordLine(text, result.meta.cursor, result.data, lineAt);
      for (const error of result.errors) errors.push({ line, message: `CSV illisible : ${error.message}` });
      records.push({ line, cells: result.data });
    },
  });
  const [header, ...body] = records;
  if (!header) {
    errors.push({ line: null, message: 'fichier vide : la première ligne doit nommer les colonnes' });
    return [];
  }
  const names = header.cells.map(columnName);
  const position = new Map<string, number>();
  names.forEach((name, i) => {
    if (!KNOWN_COLUMNS.includes(name)) errors.push({ line: header.line, message: `colonne inconnue « ${header.cells[i] ?? ''} »` });
    else if (position.has(name)) errors.push({ line: header.line, message: `colonne « ${name} » en double` });
    else position.set(name, i);
  });
  const missing = SIMPLE_CSV_REQUIRED_COLUMNS.filter((name) => !position.has(name));
  if (missing.length > 0) errors.push({ line: header.line, message: `colonne(s) obligatoire(s) absente(s) : ${missing.join(', ')}` });
  if (body.length === 0) errors.push({ line: null, message: 'aucune question après la ligne des colonnes' });
  return body.map((record) => ({
    line: record.line,
    cell: (column) => {
      const index = position.get(column);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    },
  }));
}

/** "Compétence", " compétence " and "COMPETENCE" all name the column competence. */
function columnName(title: string): string {
  return title.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, '_');
}

/**
 * The first line of a record, worked out from where it ends: Papaparse gives the end offset only, and the lines it
 * skips before a record are not always blank (a spreadsheet saves an empty row as `;;;;`). Every line break
 * inside the record is inside a quoted cell, so the record starts that many lines above its last line.
 */
function recordLine(text: string, end: number, cells: string[], lineAt: (offset: number) => number): number {
  const last = text.charCodeAt(end - 1) === NEWLINE ? end - 1 : end;
  const inside = cells.reduce((count, cell) => count + countNewlines(cell, 0, cell.length), 0);
  return lineAt(last) - inside;
}

/**
 * Line (1-based) of the character at an offset, for offsets asked in increasing order: counting resumes where the
 * previous call stopped, so a file is scanned once.
 */
function lineCounter(text: string): (offset: number) => number {
  let scanned = 0;
  let line = 1;
  return (offset) => {
    line += countNewlines(text, scanned, offset);
    scanned = Math.max(scanned, offset);
    return line;
  };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === NEWLINE) count++;
  return count;
}

function pathKey(source: number, path: DocPath): string {
  return `${source}:${path.join('/')}`;
}
