import { expect } from '@playwright/test';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { join } from 'node:path';
import { SqliteStore } from '../../sync-server/store/sqlite/sqlite-store.ts';
import type { AssessmentResultRecord } from '../../sync-server/store/store.ts';

/**
 * One sign-in per test process: sign-ins are rate-limited, as they should be. Another spec may sign the teacher
 * out (logout revokes its token): a 401 signs in again, once.
 */
let token: string | undefined;

/** The relay as a teacher sees it over HTTP, for the end-to-end specs. */
export class TeacherApi {
  constructor(private readonly request: APIRequestContext) {}

  private async send(call: (headers: Record<string, string>) => Promise<APIResponse>): Promise<APIResponse> {
    const response = await call(await this.auth());
    if (response.status() !== 401) return response;
    token = undefined;
    return call(await this.auth());
  }

  async auth(): Promise<Record<string, string>> {
    if (!token) {
      const login = await this.request.post('/api/auth/login', { data: { email: 'enseignant@demo.local', password: 'demo-pass-2026' } });
      expect(login.status()).toBe(200);
      token = ((await login.json()) as { token: string }).token;
    }
    return { authorization: `Bearer ${token}` };
  }

  async createCampaign(input: { name: string; title: string; landingText?: string; target: { competenceIds: string[] } | { tubeIds: string[] }; multipleSendings?: boolean }): Promise<{ id: string; code: string; targetSkillIds: string[] }> {
    const created = await this.send((headers) => this.request.post('/api/campaigns', { headers, data: { type: 'ASSESSMENT', landingText: '', multipleSendings: false, ...input } }));
    expect(created.status()).toBe(201);
    return (await created.json()) as { id: string; code: string; targetSkillIds: string[] };
  }

  /** Every document of a collection the teacher may see (all pages of the pull). */
  async pull<T extends { id: string }>(collection: string): Promise<T[]> {
    const documents: T[] = [];
    let seq = 0;
    for (;;) {
      const response = await this.send((headers) => this.request.get(`/api/replication/${collection}/pull?seq=${seq}&limit=1000`, { headers }));
      expect(response.status(), `pull ${collection}`).toBe(200);
      const page = (await response.json()) as { documents: T[]; checkpoint: { seq: number } };
      documents.push(...page.documents);
      if (page.documents.length === 0) return documents;
      seq = page.checkpoint.seq;
    }
  }
}

/**
 * The relay's own recomputed results of a test, read through its store on the database file the relay process
 * writes (playwright.config.ts gives it E2E_DATA_DIR). Read-only use: WAL lets this run beside the relay.
 */
export async function relayResults(assessmentId: string, organizationId = 'demo-org'): Promise<AssessmentResultRecord | undefined> {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const store = new SqliteStore(join(dir, 'relay.sqlite'));
  try {
    return (await store.getAssessmentResults(organizationId, [assessmentId]))[0];
  } finally {
    await store.close();
  }
}
