/**
 * The teacher space's campaign calls to the relay, with the staff token ("Campagnes" and a campaign's tabs).
 * Components go through stores, which go through here (STYLE.md point 7). Expected failures are values, with the
 * relay's French message kept to be shown as it is.
 */
import type {
  ActivityFilters,
  CampaignActivity,
  CampaignAnalysisView,
  CampaignFormValues,
  CampaignResultsView,
  CampaignSummary,
  ImportedPack,
  ParticipantView,
} from './campaign-types.ts';

/** 'unauthorized': sign in again; 'not-found': no such campaign in this school; 'conflict': the rules refuse it. */
export type CampaignFailure = { ok: false; reason: 'unauthorized' | 'forbidden' | 'not-found' | 'invalid' | 'conflict' | 'unreachable' | 'error'; message: string | null };
export type CampaignOutcome<T> = { ok: true; value: T } | CampaignFailure;

type Json = Record<string, unknown>;

function failure(status: number, body: Json): CampaignFailure {
  const message = typeof body.message === 'string' ? body.message : null;
  if (status === 401) return { ok: false, reason: 'unauthorized', message };
  if (status === 403) return { ok: false, reason: 'forbidden', message };
  if (status === 404) return { ok: false, reason: 'not-found', message };
  if (status === 400) return { ok: false, reason: 'invalid', message };
  if (status === 409) return { ok: false, reason: 'conflict', message };
  if (status >= 502) return { ok: false, reason: 'unreachable', message };
  return { ok: false, reason: 'error', message };
}

async function call(token: string, url: string, init: RequestInit = {}): Promise<{ ok: true; response: Response } | CampaignFailure> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
  } catch {
    return { ok: false, reason: 'unreachable', message: null };
  }
  if (response.ok) return { ok: true, response };
  let body: Json = {};
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Json;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return failure(response.status, body);
}

async function json<T>(token: string, url: string, init?: RequestInit): Promise<CampaignOutcome<T>> {
  const result = await call(token, url, init);
  if (!result.ok) return result;
  return { ok: true, value: (await result.response.json()) as T };
}

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const campaignUrl = (id: string): string => `/api/campaigns/${encodeURIComponent(id)}`;

export const fetchCampaigns = (token: string) => json<CampaignSummary[]>(token, '/api/campaigns');
export const fetchCampaign = (token: string, id: string) => json<CampaignSummary>(token, campaignUrl(id));
export const fetchImportedPacks = (token: string) => json<ImportedPack[]>(token, '/api/content/packs');

export function createCampaign(token: string, values: CampaignFormValues): Promise<CampaignOutcome<CampaignSummary>> {
  return json<CampaignSummary>(token, '/api/campaigns', send('POST', values));
}

/** "Modifier": only what the form may change (the type never changes). */
export function updateCampaign(token: string, id: string, values: Partial<Omit<CampaignFormValues, 'type'>>): Promise<CampaignOutcome<CampaignSummary>> {
  return json<CampaignSummary>(token, campaignUrl(id), send('PATCH', values));
}

export function setCampaignArchived(token: string, id: string, archived: boolean): Promise<CampaignOutcome<CampaignSummary>> {
  return json<CampaignSummary>(token, `${campaignUrl(id)}/${archived ? 'archive' : 'unarchive'}`, { method: 'POST' });
}

export function fetchActivity(token: string, id: string, filters: ActivityFilters): Promise<CampaignOutcome<CampaignActivity>> {
  const query = new URLSearchParams();
  if (filters.className) query.set('className', filters.className);
  if (filters.status) query.set('status', filters.status);
  if (filters.name.trim()) query.set('name', filters.name.trim());
  return json<CampaignActivity>(token, `${campaignUrl(id)}/activity${query.size > 0 ? `?${query.toString()}` : ''}`);
}

export const fetchResults = (token: string, id: string) => json<CampaignResultsView>(token, `${campaignUrl(id)}/results`);
export const fetchAnalysis = (token: string, id: string) => json<CampaignAnalysisView>(token, `${campaignUrl(id)}/analysis`);
export const fetchParticipant = (token: string, id: string, learnerId: string) => json<ParticipantView>(token, `${campaignUrl(id)}/participants/${encodeURIComponent(learnerId)}`);

/** The CSV the relay writes, with the file name it gives. */
export async function fetchExport(token: string, id: string): Promise<CampaignOutcome<{ blob: Blob; fileName: string }>> {
  const result = await call(token, `${campaignUrl(id)}/export.csv`);
  if (!result.ok) return result;
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'resultats.csv';
  return { ok: true, value: { blob: await result.response.blob(), fileName } };
}

export interface PackTube {
  id: string;
  competenceId: string;
  title: string;
}

/**
 * The tubes of a pack, for "Que souhaitez-vous tester ?": the built-in pack the app ships (null), or one the school
 * imported (the relay serves it to the school's staff).
 */
export async function fetchPackTubes(token: string, version: string | null): Promise<CampaignOutcome<PackTube[]>> {
  let url: string;
  if (version === null) {
    const manifest = await json<{ version: string; url: string }>(token, '/api/content/manifest');
    if (!manifest.ok) return manifest;
    url = manifest.value.url;
  } else url = `/api/content/packs/${encodeURIComponent(version)}`;
  const pack = await json<{ tubes: PackTube[] }>(token, url);
  if (!pack.ok) return pack;
  return { ok: true, value: pack.value.tubes.map((t) => ({ id: t.id, competenceId: t.competenceId, title: t.title })) };
}
