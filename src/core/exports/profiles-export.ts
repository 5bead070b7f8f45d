/**
 * "Exporter les résultats (.csv)" of a profiles collection ([EXPORT-6]): whether and when each participant sent
 * their profile, its total pix, certifiability, and level and pix of each of the 16 competences. A profile not sent
 * yet shows NA: the teacher sees it only once sent ([FOLLOW-3]).
 */
import { COMPETENCES } from '../referential.ts';
import type { ProfileScore } from '../scoring/score-profile.ts';
import { frenchDate, yesNo } from './csv-cell.ts';
import { competenceLabel, NOT_AVAILABLE, PROFILES_HEADERS } from './export-columns.ts';
import { byClassThenName, commonCells, commonHeader } from './export-participant.ts';
import type { ExportCampaign, ExportPerson } from './export-participant.ts';
import type { CsvCell, CsvTable } from './write-csv.ts';

export interface ProfilesExportParticipant extends ExportPerson {
  sharedAt: number | null;
  /** The profile as sent; read only when sent. */
  profile: ProfileScore | null;
}

export interface ProfilesExportInput {
  campaign: ExportCampaign;
  participants: readonly ProfilesExportParticipant[];
  timeZone?: string;
}

export function profilesExportTable({ campaign, participants, timeZone }: ProfilesExportInput): CsvTable {
  const header = [
    ...commonHeader(campaign),
    PROFILES_HEADERS.sent,
    PROFILES_HEADERS.sentAt,
    PROFILES_HEADERS.totalPix,
    PROFILES_HEADERS.certifiable,
    PROFILES_HEADERS.certifiableCompetences,
    ...COMPETENCES.flatMap((c) => [PROFILES_HEADERS.competenceLevel(competenceLabel(c.id)), PROFILES_HEADERS.competencePix(competenceLabel(c.id))]),
  ];
  const rows = byClassThenName(participants).map((p): CsvCell[] => {
    const profile = p.sharedAt !== null ? p.profile : null;
    return [
      ...commonCells(campaign, p),
      yesNo(p.sharedAt !== null),
      frenchDate(p.sharedAt, timeZone),
      profile === null ? NOT_AVAILABLE : profile.totalPix,
      profile === null ? NOT_AVAILABLE : yesNo(profile.certifiable),
      profile === null ? NOT_AVAILABLE : profile.certifiableCompetenceCount,
      ...COMPETENCES.flatMap((c): CsvCell[] => {
        const score = profile?.competences.find((s) => s.competenceId === c.id);
        return profile === null ? [NOT_AVAILABLE, NOT_AVAILABLE] : [score?.level ?? 0, score?.pix ?? 0];
      }),
    ];
  });
  return { header, rows };
}
