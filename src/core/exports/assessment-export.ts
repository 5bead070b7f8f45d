/**
 * "Exporter les résultats (.csv)" of an assessment campaign ([EXPORT-5]): the columns of DOMAIN.md, one row per
 * participant. Results appear only once the student sent them ([FOLLOW-3]); before, their cells say NA.
 */
import type { ParticipationResults, SkillCounts } from '../campaign/participation-results.ts';
import type { Stage } from '../campaign/stages.ts';
import { frenchDate, wholePercent, yesNo } from './csv-cell.ts';
import { ASSESSMENT_HEADERS, competenceLabel, domainLabel, NOT_AVAILABLE } from './export-columns.ts';
import { byClassThenName, commonCells, commonHeader } from './export-participant.ts';
import type { ExportCampaign, ExportPerson } from './export-participant.ts';
import type { CsvCell, CsvTable } from './write-csv.ts';

export interface AssessmentExportParticipant extends ExportPerson {
  startedAt: number;
  /** When the student sent their results; null while they have not. */
  sharedAt: number | null;
  /** 0 … 1. */
  progress: number;
  /** The participation's results; read only when shared. */
  results: ParticipationResults | null;
}

export interface AssessmentExportInput {
  campaign: ExportCampaign;
  /** The target profile's competences and domains (skill counts), in referential order. */
  target: Pick<ParticipationResults, 'competences' | 'domains'>;
  stages: readonly Stage[];
  participants: readonly AssessmentExportParticipant[];
  timeZone?: string;
}

export function assessmentExportTable({ campaign, target, stages, participants, timeZone }: AssessmentExportInput): CsvTable {
  const maxStars = Math.max(0, ...stages.map((s) => s.stars));
  const header = [
    ...commonHeader(campaign),
    ASSESSMENT_HEADERS.progress,
    ASSESSMENT_HEADERS.startedAt,
    ASSESSMENT_HEADERS.shared,
    ASSESSMENT_HEADERS.sharedAt,
    ASSESSMENT_HEADERS.stage(maxStars),
    ASSESSMENT_HEADERS.mastery,
    ...target.competences.flatMap((c) => {
      const name = competenceLabel(c.competenceId);
      return [ASSESSMENT_HEADERS.competenceMastery(name), ASSESSMENT_HEADERS.competenceTarget(name), ASSESSMENT_HEADERS.competenceValidated(name)];
    }),
    ...target.domains.flatMap((d) => {
      const name = domainLabel(d.domainId);
      return [ASSESSMENT_HEADERS.domainMastery(name), ASSESSMENT_HEADERS.domainTarget(name), ASSESSMENT_HEADERS.domainValidated(name)];
    }),
  ];
  const rows = byClassThenName(participants).map((p): CsvCell[] => {
    // Sent but not scorable (a pack the relay does not hold, [RESULTS-5]): "O", with NA for what cannot be known.
    const sent = p.sharedAt !== null;
    const shared = sent ? p.results : null;
    const counts = (found: SkillCounts | undefined, targetCount: number): CsvCell[] =>
      shared === null ? [NOT_AVAILABLE, targetCount, NOT_AVAILABLE] : [wholePercent(found?.masteryRate ?? 0), targetCount, found?.validatedSkillCount ?? 0];
    return [
      ...commonCells(campaign, p),
      wholePercent(p.progress),
      frenchDate(p.startedAt, timeZone),
      yesNo(sent),
      frenchDate(p.sharedAt, timeZone),
      shared === null ? NOT_AVAILABLE : (shared.stage?.stars ?? 0),
      shared === null ? NOT_AVAILABLE : shared.masteryPercent,
      ...target.competences.flatMap((c) => counts(shared?.competences.find((r) => r.competenceId === c.competenceId), c.targetSkillCount)),
      ...target.domains.flatMap((d) => counts(shared?.domains.find((r) => r.domainId === d.domainId), d.targetSkillCount)),
    ];
  });
  return { header, rows };
}
