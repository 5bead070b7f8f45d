/**
 * The coverage of a pack as plain-text tables (monospace, for a terminal or a review comment):
 * one row per competence, then the whole bank by level × type.
 */
import type { BankStats } from './stats.ts';
import { CHALLENGE_TYPES } from './types.ts';

/** Levels shown as columns; higher levels are rare and share the last column. */
const SHOWN_LEVELS = 6;

export function formatStatsTable(stats: BankStats): string {
  const levelHeaders = Array.from({ length: SHOWN_LEVELS }, (_, i) => (i + 1 === SHOWN_LEVELS ? `N${i + 1}+` : `N${i + 1}`));
  const header = ['compétence', 'sujets', 'acquis', 'tutos', 'épreuves', ...levelHeaders, ...CHALLENGE_TYPES, 'variantes', 'hors ligne', 'fichiers', 'illus.', 'chrono', 'focus'];
  const rows = [...stats.competences, stats.total].map((row) => [
    row.competenceId,
    String(row.tubes),
    String(row.skills),
    String(row.tutorials),
    String(row.challenges),
    ...foldLevels(row.challengesByLevel).map(String),
    ...CHALLENGE_TYPES.map((type) => String(row.challengesByType[type])),
    `${row.skillsWithVariants}/${row.skills}`,
    percent(row.offline, row.challenges),
    String(row.withAttachments),
    String(row.illustrated),
    String(row.timed),
    String(row.focused),
  ]);
  const byCompetence = table(header, rows, rows.length - 1);

  const crossHeader = ['niveau', 'acquis', ...CHALLENGE_TYPES, 'total'];
  const crossRows = stats.total.challengesByLevelAndType.flatMap((byType, i) => {
    const count = stats.total.challengesByLevel[i] ?? 0;
    if (count === 0) return [];
    return [[`N${i + 1}`, String(stats.total.skillsByLevel[i] ?? 0), ...CHALLENGE_TYPES.map((type) => String(byType[type])), String(count)]];
  });
  const byLevel = table(crossHeader, crossRows, -1);
  return `${byCompetence}\n\nToute la banque, épreuves par niveau et par type :\n${byLevel}`;
}

function foldLevels(perLevel: readonly number[]): number[] {
  const shown = perLevel.slice(0, SHOWN_LEVELS);
  shown[SHOWN_LEVELS - 1] = perLevel.slice(SHOWN_LEVELS - 1).reduce((sum, n) => sum + n, 0);
  return shown;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;
}

/** Left-aligned first column, right-aligned numbers; a rule before row `ruleBefore` (the total). */
function table(header: readonly string[], rows: readonly string[][], ruleBefore: number): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.map((row, r) => (r === ruleBefore ? `${rule}\n${line(row)}` : line(row)));
  return [line(header), rule, ...body].join('\n');
}
