import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCampaignCode } from '../../src/core/campaign-code.ts';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import { bankPack } from '../../test/bank.ts';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { DEMO_CAMPAIGNS } from './demo-campaigns.ts';
import { seedDemoSchool } from './demo-school.ts';

const pack = bankPack();
const index = buildPackIndex(pack);
let relay: TestRelay;

beforeAll(async () => {
  relay = await startTestRelay({ demo: false, pack });
  await seedDemoSchool(relay.store, 1_767_225_600_000, pack);
});

afterAll(() => relay.close());

describe('the demo school\'s campaigns', () => {
  it('GET /api/campaigns lists the three demo campaigns with the codes the README gives, and what each tests', async () => {
    const teacher = await loginAs(relay.app, 'enseignant@demo.local');
    const response = await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: { authorization: `Bearer ${teacher}` } });
    expect(response.statusCode).toBe(200);
    const campaigns = response.json<{ code: string; type: string; multipleSendings: boolean; targetSkillIds: string[]; archivedAt: number | null }[]>();
    expect(campaigns.map((c) => [c.code, c.type, c.multipleSendings])).toEqual([
      ['RENTRE234', 'ASSESSMENT', true],
      ['ECHANG345', 'ASSESSMENT', false],
      ['PARTAG789', 'PROFILES_COLLECTION', true],
    ]);
    for (const campaign of campaigns) expect(isCampaignCode(campaign.code)).toBe(true);
    const competencesOf = (skillIds: string[]) => [...new Set(skillIds.map((id) => index.competenceIdBySkill.get(id)))].sort();
    const [several, single, profiles] = campaigns;
    // Several competences, every skill of each; one competence; nothing to test when collecting profiles.
    expect(competencesOf(several?.targetSkillIds ?? [])).toEqual(['1.1', '4.1']);
    expect(several?.targetSkillIds).toHaveLength((index.skillsByCompetence.get('1.1')?.length ?? 0) + (index.skillsByCompetence.get('4.1')?.length ?? 0));
    expect(competencesOf(single?.targetSkillIds ?? [])).toEqual(['2.1']);
    expect(profiles?.targetSkillIds).toEqual([]);
    expect(campaigns.every((c) => c.archivedAt === null)).toBe(true);
  });

  it('README names every demo campaign code', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync('README.md', 'utf8');
    for (const campaign of DEMO_CAMPAIGNS) expect(readme).toContain(`\`${campaign.code}\``);
  });
});
