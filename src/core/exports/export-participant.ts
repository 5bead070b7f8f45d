/**
 * The participant part every export shares ([EXPORT-2]): who, in which class, under which external id, one row
 * per participant, in French order (class, then last name, then first name).
 */
import type { CsvCell } from './write-csv.ts';
import { COMMON_HEADERS } from './export-columns.ts';

export interface ExportCampaign {
  organizationName: string;
  id: string;
  code: string;
  name: string;
  /** Only assessment campaigns have one; a profiles collection leaves its column out. */
  targetProfileName: string | null;
  /** The external id's label ("Numéro d'élève"): its column appears, under this label, only when there is one. */
  externalIdLabel: string | null;
}

export interface ExportPerson {
  lastName: string;
  firstName: string;
  className: string;
  externalId: string | null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function byClassThenName<T extends ExportPerson>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => collator.compare(a.className, b.className) || collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName));
}

export function commonHeader(campaign: ExportCampaign): string[] {
  return [
    COMMON_HEADERS.organization,
    COMMON_HEADERS.campaignId,
    COMMON_HEADERS.campaignCode,
    COMMON_HEADERS.campaignName,
    ...(campaign.targetProfileName === null ? [] : [COMMON_HEADERS.targetProfile]),
    COMMON_HEADERS.lastName,
    COMMON_HEADERS.firstName,
    COMMON_HEADERS.className,
    ...(campaign.externalIdLabel === null ? [] : [campaign.externalIdLabel]),
  ];
}

export function commonCells(campaign: ExportCampaign, person: ExportPerson): CsvCell[] {
  return [
    campaign.organizationName,
    campaign.id,
    campaign.code,
    campaign.name,
    ...(campaign.targetProfileName === null ? [] : [campaign.targetProfileName]),
    person.lastName,
    person.firstName,
    person.className,
    ...(campaign.externalIdLabel === null ? [] : [person.externalId ?? '']),
  ];
}
