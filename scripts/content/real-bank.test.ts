/**
 * The real bank (content/competences/*.yaml) against the coverage the product needs: it passes the check,
 * and its figures hold (volume per competence, levels, variants, types, files, timed and focused challenges,
 * offline share, tutorials, IRT parameters).
 */
import { describe, expect, it } from 'vitest';
import { COMPETENCE_IDS } from '../../src/core/referential.ts';
import { bankStats } from '../../src/core/content/stats.ts';
import { CHALLENGE_TYPES } from '../../src/core/content/types.ts';
import { checkBank } from './check-bank.ts';
import { formatContentError } from './content-error.ts';
import { CONTENT_DIR, REPO_ROOT } from './repo-paths.ts';

const result = checkBank({ contentDir: CONTENT_DIR, root: REPO_ROOT });
const { pack } = result.compiled;
const stats = bankStats(pack);
const row = (competenceId: string) => stats.competences.find((r) => r.competenceId === competenceId);

describe('the real bank', () => {
  it('passes npm run content:check', () => {
    expect(result.errors.map(formatContentError)).toEqual([]);
  });

  it('has at least 480 challenges', () => {
    expect(pack.challenges.length).toBeGreaterThanOrEqual(480);
  });

  it('covers all 16 competences, each with ≥ 24 challenges and ≥ 3 tubes', () => {
    const thin = COMPETENCE_IDS.filter((id) => (row(id)?.challenges ?? 0) < 24 || (row(id)?.tubes ?? 0) < 3).map(
      (id) => `${id}: ${row(id)?.challenges ?? 0} épreuves, ${row(id)?.tubes ?? 0} sujets`,
    );
    expect(thin).toEqual([]);
  });

  it('has skills at every level 1–6 in every competence', () => {
    const gaps = COMPETENCE_IDS.flatMap((id) => {
      const missing = [1, 2, 3, 4, 5, 6].filter((level) => (row(id)?.skillsByLevel[level - 1] ?? 0) === 0);
      return missing.length > 0 ? [`${id}: niveaux ${missing.join(', ')} sans acquis`] : [];
    });
    expect(gaps).toEqual([]);
  });

  it('has at least one challenge for every skill', () => {
    const asked = new Set(pack.challenges.map((c) => c.skillId));
    expect(pack.skills.filter((s) => !asked.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('has 2 or more variants for at least half of the skills', () => {
    expect(stats.total.skillsWithVariants * 2).toBeGreaterThanOrEqual(stats.total.skills);
    expect(stats.total.skills).toBeGreaterThan(0);
  });

  it('has at least 40 challenges of each of the 5 types', () => {
    const rare = CHALLENGE_TYPES.filter((type) => stats.total.challengesByType[type] < 40).map((type) => `${type}: ${stats.total.challengesByType[type]}`);
    expect(rare).toEqual([]);
  });

  it('has at least 40 challenges with attachments, 20 timed and 10 focused', () => {
    expect(stats.total.withAttachments).toBeGreaterThanOrEqual(40);
    expect(stats.total.timed).toBeGreaterThanOrEqual(20);
    expect(stats.total.focused).toBeGreaterThanOrEqual(10);
  });

  it('keeps challenges that need the Internet under 10 %', () => {
    const online = pack.challenges.filter((c) => c.requiresInternet).length;
    expect(online * 10).toBeLessThan(pack.challenges.length);
  });

  it('has at least one tutorial for every tube', () => {
    const taught = new Set(pack.tutorials.filter((t) => t.text.trim() !== '').map((t) => t.tubeId));
    expect(pack.tubes.filter((t) => !taught.has(t.id)).map((t) => t.id)).toEqual([]);
    expect(pack.tubes.length).toBeGreaterThan(0);
  });

  it('gives every challenge IRT parameters a > 0 and b', () => {
    const missing = pack.challenges.filter((c) => !(Number.isFinite(c.irt.a) && c.irt.a > 0 && Number.isFinite(c.irt.b)));
    expect(missing.map((c) => c.id)).toEqual([]);
    expect(pack.challenges.length).toBeGreaterThan(0);
  });
});
