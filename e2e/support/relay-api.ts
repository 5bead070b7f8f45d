import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { join } from 'node:path';
import { SqliteStore } from '../../sync-server/store/sqlite/sqlite-store.ts';
import type { AssessmentResultRecord } from '../../sync-server/store/store.ts';

/** The relay as a teacher sees it over HTTP, for the end-to-end specs. One sign-in per spec file (sign-ins are rate-limited). */
export class TeacherApi {
  private token: string | undefined;

  constructor(private readonly request: APIRequestContext) {}

  async auth(): Promise<Record<string, string>> {
    if (!this.token) {
      const login = await this.request.post('/api/auth/login', { data: { email: 'enseignant@demo.local', password: 'demo-pass-2026' } });
      expect(login.status()).toBe(200);
      this.token = ((await login.json()) as { token: string }).token;
    }
    return { authorization: `Bearer ${this.token}` };
  }

  async createCampaign(input: { name: string; title: string; landingText?: string; target: { competenceIds: string[] } | { tubeIds: string[] }; multipleSendings?: boolean }): Promise<{ id: string; code: string; targetSkillIds: string[] }> {
    const created = await this.request.post('/api/campaigns', {
      headers: await this.auth(),
      data: { type: 'ASSESSMENT', landingText: '', multipleSendings: false, ...input },
    });
    expect(created.status()).toBe(201);
    return (await created.json()) as { id: string; code: string; targetSkillIds: string[] };
  }

  /** Every document of a collection the teacher may see (all pages of the pull). */
  async pull<T extends { id: string }>(collection: string): Promise<T[]> {
    const documents: T[] = [];
    let seq = 0;
    for (;;) {
      const response = await this.request.get(`/api/replication/${collection}/pull?seq=${seq}&limit=1000`, { headers: await this.auth() });
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
