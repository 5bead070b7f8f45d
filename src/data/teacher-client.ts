/**
 * The teacher space's calls to the relay (students for now), with the staff token. Components go through stores,
 * which go through here (STYLE.md point 7). Expected failures are values: the relay's French message is kept.
 */
import type { ImportIssue, LearnerImportFormat } from '../core/imports/learner-import.ts';

export const CERTIFIABILITY_FILTERS = ['certifiable', 'not-certifiable', 'unknown'] as const;
export type Certifiability = (typeof CERTIFIABILITY_FILTERS)[number];

export interface ListedLearner {
  id: string;
  lastName: string;
  firstName: string;
  className: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  nationalId: string | null;
  certifiability: Certifiability;
}

export interface LearnerList {
  organization: { name: string; uai: string };
  learners: ListedLearner[];
  classes: string[];
  lastImport: { importedAt: number; fileName: string; format: string; created: number; updated: number; disabled: number; skipped: number } | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  disabled: number;
  skipped: number;
}

export interface ClassCode {
  learnerId: string;
  lastName: string;
  firstName: string;
  className: string;
  code: string;
}

/**
 * 'unauthorized': the token is no longer valid (sign in again); 'forbidden': not a teacher of the school. `code` is
 * the relay's error code when it gave one (screens translate the ones they expect).
 */
export type CallFailure = { ok: false; reason: 'unauthorized' | 'forbidden' | 'unreachable' | 'error'; message: string | null; code?: string };
export type ImportOutcome = { ok: true; counts: ImportCounts } | { ok: false; reason: 'invalid-file'; message: string; errors: ImportIssue[] } | CallFailure;

type JsonObject = Record<string, unknown>;

export async function fetchLearners(token: string, filters: { className?: string; certifiability?: Certifiability }): Promise<{ ok: true; list: LearnerList } | CallFailure> {
  const query = new URLSearchParams();
  if (filters.className) query.set('className', filters.className);
  if (filters.certifiability) query.set('certifiability', filters.certifiability);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  const response = await call(`/api/learners${suffix}`, { headers: authorization(token) });
  if (!response.ok) return response;
  return { ok: true, list: (await response.response.json()) as LearnerList };
}

export async function drawClassCodes(token: string, className: string): Promise<{ ok: true; codes: ClassCode[] } | CallFailure> {
  const response = await call('/api/learners/personal-codes', {
    method: 'POST',
    headers: { ...authorization(token), 'content-type': 'application/json' },
    body: JSON.stringify({ className }),
  });
  if (!response.ok) return response;
  return { ok: true, codes: ((await response.response.json()) as { codes: ClassCode[] }).codes };
}

/**
 * Sends a student list (its bytes in base64). Through XMLHttpRequest rather than fetch: fetch reports no upload
 * progress, and a large school's file takes a moment on a lab's network.
 */
export function uploadLearnerFile(
  token: string,
  file: { format: LearnerImportFormat; fileName: string; base64: string },
  onProgress: (fraction: number) => void,
): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/learners/import');
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('content-type', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ ok: false, reason: 'unreachable', message: null });
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status === 200) resolve({ ok: true, counts: countsOf(body) });
      else if (request.status === 422) resolve({ ok: false, reason: 'invalid-file', message: messageOf(body) ?? '', errors: issuesOf(body) });
      else resolve(failure(request.status, body));
    };
    request.send(JSON.stringify({ format: file.format, fileName: file.fileName, content: file.base64 }));
  });
}

export function authorization(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function call(url: string, init: RequestInit): Promise<{ ok: true; response: Response } | CallFailure> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, reason: 'unreachable', message: null };
  }
  if (response.ok) return { ok: true, response };
  return failure(response.status, parseJson(await response.text()));
}

function failure(status: number, body: JsonObject): CallFailure {
  const message = messageOf(body);
  if (typeof body.error === 'string') return { ...failure(status, { message }), code: body.error };
  if (status === 401) return { ok: false, reason: 'unauthorized', message };
  if (status === 403) return { ok: false, reason: 'forbidden', message };
  if (status === 0 || status >= 502) return { ok: false, reason: 'unreachable', message };
  return { ok: false, reason: 'error', message };
}

function parseJson(text: string): JsonObject {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  } catch {
    return {};
  }
}

function countsOf(body: JsonObject): ImportCounts {
  const count = (key: keyof ImportCounts): number => {
    const value = body[key];
    return typeof value === 'number' ? value : 0;
  };
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), disabled: count('disabled'), skipped: count('skipped') };
}

function messageOf(body: JsonObject): string | null {
  return typeof body.message === 'string' ? body.message : null;
}

function issuesOf(body: JsonObject): ImportIssue[] {
  if (!Array.isArray(body.errors)) return [];
  return body.errors.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { line, message } = e as Record<string, unknown>;
    return typeof message === 'string' ? [{ line: typeof line === 'number' ? line : null, message }] : [];
  });
}
