import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankPack } from '../../test/bank.ts';
import { certifiabilityOf } from '../certification/candidate-certifiability.ts';
import { readSession } from '../certification/session-documents.ts';
import { ContentLibrary } from '../content/content-library.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { DEMO_CANDIDATE_COUNT, DEMO_SESSION, parisDay } from './demo-certification.ts';
import { DEMO_ORGANIZATION, seedDemoSchool } from './demo-school.ts';

const NOW = Date.UTC(2026, 11, 7, 23, 30); // 00:30 in Paris on the 8th: "today" is the school's day.

describe('demo certification session', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pixlab-demo-cert-'));
  const store = new SqliteStore(join(dir, 'relay.sqlite'));
  let library: ContentLibrary;

  beforeAll(async () => {
    await store.migrate();
    await seedDemoSchool(store, NOW, bankPack());
    library = new ContentLibrary(store, bankPack());
    await library.init(NOW);
  }, 120_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('[CERT-1] a session for today in Paris, with MARTIN Camille among six candidates', async () => {
    const session = await readSession(store, DEMO_ORGANIZATION.id, DEMO_SESSION.id);
    expect(parisDay(NOW)).toBe('2026-12-08');
    expect(session).toMatchObject({ date: '2026-12-08', status: 'created', accessCode: 'CERT42' });
    expect(session.candidates).toHaveLength(DEMO_CANDIDATE_COUNT);
    expect(session.candidates[0]).toMatchObject({ lastName: 'MARTIN', firstName: 'Camille' });
    expect(await store.certification.getSessionSecret(DEMO_ORGANIZATION.id, DEMO_SESSION.id)).toMatchObject({ invigilatorPassword: 'SURV23' });
  });

  it('[CERT-5] every demo candidate is certifiable from the answers they gave, computed by the relay', async () => {
    const session = await readSession(store, DEMO_ORGANIZATION.id, DEMO_SESSION.id);
    for (const candidate of session.candidates) {
      const certifiability = await certifiabilityOf(store, library, DEMO_ORGANIZATION.id, candidate.learnerId);
      expect(certifiability.certifiable, candidate.lastName).toBe(true);
      expect(certifiability.competenceCount).toBeGreaterThanOrEqual(5);
    }
    // A learner who answered nothing is not.
    expect(await certifiabilityOf(store, library, DEMO_ORGANIZATION.id, 'demo-learner-20')).toEqual({ certifiable: false, competenceCount: 0 });
  });
});
