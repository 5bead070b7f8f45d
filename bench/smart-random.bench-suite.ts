/**
 * Smart random figures: time to choose the next challenge (p50/p95, ms) on the shipped content pack and on a
 * synthetic 10,000-challenge bank, for competence training (target = one competence) and for a target profile
 * spanning the whole bank (the worst case). Simulated learners answer with the logistic model smart random
 * assumes, plus some skips and timeouts. Targets: p95 ≤ 1 ms on the shipped pack, ≤ 3 ms on 10,000 challenges.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../src/core/answers/types.ts';
import { buildPackIndex } from '../src/core/content/pack-index.ts';
import type { PackIndex } from '../src/core/content/pack-index.ts';
import type { AnswerResult, ContentManifest, ContentPack } from '../src/core/content/types.ts';
import { COMPETENCE_IDS } from '../src/core/referential.ts';
import { createRandom, normal } from '../src/core/random.ts';
import type { Random } from '../src/core/random.ts';
import { nextChallenge } from '../src/core/smart-random/next-challenge.ts';
import { successProbability } from '../src/core/smart-random/estimate-level.ts';
import { makePack } from '../src/core/test/make-pack.ts';
import { ms, percentile } from './machine.ts';

const SYNTHETIC_CHALLENGES = 10_000;
const LEARNERS_PER_COMPETENCE = 25;
const LEARNERS_WHOLE_BANK = 40;
const WARM_UP_LEARNERS = 20;

interface Figures {
  scenario: string;
  targetSkills: string;
  tests: number;
  calls: number;
  meanAnswers: number;
  p50: number;
  p95: number;
  max: number;
}

function loadShippedPack(): ContentPack | undefined {
  const manifestPath = join('public', 'content', 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ContentManifest;
  const packPath = join('public', manifest.url.replace(/^\//, ''));
  if (!existsSync(packPath)) return undefined;
  return JSON.parse(readFileSync(packPath, 'utf8')) as ContentPack;
}

/**
 * 16 competences × 10 tubes; each tube a run of 3–6 consecutive levels starting at 1–3 (levels 1–8), about
 * 10 variants per skill so that the bank holds exactly SYNTHETIC_CHALLENGES challenges; 5 % timed, 3 % web-only.
 */
function syntheticPack(): ContentPack {
  const random = createRandom('smart-random-bench-bank');
  const tubes = COMPETENCE_IDS.map((id, c) => ({
    id,
    tubes: Array.from({ length: 10 }, (_, t) => {
      const start = 1 + Math.floor(random.next() * 3);
      const length = 3 + Math.floor(random.next() * 4);
      return { id: `@synth${c}x${t}`, levels: Array.from({ length }, (_, k) => start + k).filter((level) => level <= 8) };
    }),
  }));
  const skillCount = tubes.reduce((sum, c) => sum + c.tubes.reduce((s, t) => s + t.levels.length, 0), 0);
  const base = Math.floor(SYNTHETIC_CHALLENGES / skillCount);
  let extra = SYNTHETIC_CHALLENGES - base * skillCount;
  const pack = makePack({
    competences: tubes.map((c) => ({ id: c.id, tubes: c.tubes.map((t) => ({ ...t, variants: base + 1 })) })),
    challenge: () => ({ ...(random.next() < 0.05 ? { timer: 60 } : {}), requiresInternet: random.next() < 0.03 }),
  });
  // makePack gave every skill base + 1 variants; drop the last variant of skills past the remainder.
  const keep = new Set<string>();
  for (const skill of pack.skills) {
    const variants = pack.challenges.filter((ch) => ch.skillId === skill.id).map((ch) => ch.id);
    const count = extra > 0 ? base + 1 : base;
    if (extra > 0) extra--;
    for (const id of variants.slice(0, count)) keep.add(id);
  }
  return { ...pack, challenges: pack.challenges.filter((ch) => keep.has(ch.id)) };
}

/** One simulated test; pushes the duration of every nextChallenge call (ms) into `timings`. */
function simulate(index: PackIndex, targetSkillIds: readonly string[], learner: string, random: Random, timings: number[] | undefined): number {
  const theta = Math.min(7.5, Math.max(0.5, normal(random, 3, 1.3)));
  const online = random.next() < 0.5;
  const answers: Answer[] = [];
  for (;;) {
    const started = performance.now();
    const next = nextChallenge({ index, targetSkillIds, answers, assessmentId: learner, online });
    timings?.push(performance.now() - started);
    if (next.kind === 'end') return answers.length;
    const level = index.skillById.get(next.skillId)?.level ?? 1;
    const roll = random.next();
    let result: AnswerResult = roll < successProbability(theta, level) ? 'ok' : 'ko';
    if (random.next() < 0.04) result = 'aband';
    else if (result === 'ok' && index.challengeById.get(next.challengeId)?.timer !== undefined && random.next() < 0.2) result = 'timedout';
    answers.push({
      id: `${learner}-${answers.length}`,
      assessmentId: learner,
      challengeId: next.challengeId,
      value: { kind: 'choice', selected: [1] },
      result,
      timeSpentMs: 20_000,
      answeredAt: 0,
      deviceId: 'bench',
      index: answers.length,
    });
  }
}

function measure(scenario: string, index: PackIndex, targets: readonly (readonly string[])[], learnersPerTarget: number): Figures {
  const random = createRandom(`bench-${scenario}`);
  for (let i = 0; i < WARM_UP_LEARNERS; i++) simulate(index, targets[i % targets.length] ?? [], `warm-${i}`, random, undefined);
  const timings: number[] = [];
  let tests = 0;
  let answers = 0;
  for (const target of targets) {
    for (let i = 0; i < learnersPerTarget; i++) {
      answers += simulate(index, target, `${scenario}-${tests}`, random, timings);
      tests++;
    }
  }
  timings.sort((a, b) => a - b);
  const sizes = targets.map((t) => t.length);
  return {
    scenario,
    targetSkills: Math.min(...sizes) === Math.max(...sizes) ? String(sizes[0]) : `${Math.min(...sizes)}–${Math.max(...sizes)}`,
    tests,
    calls: timings.length,
    meanAnswers: answers / tests,
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    max: timings.at(-1) ?? Number.NaN,
  };
}

function benchBank(label: string, pack: ContentPack): { rows: Figures[]; note: string } {
  const started = performance.now();
  const index = buildPackIndex(pack);
  const buildMs = performance.now() - started;
  const perCompetence = COMPETENCE_IDS.map((id) => (index.skillsByCompetence.get(id) ?? []).map((s) => s.id)).filter((t) => t.length > 0);
  const wholeBank = pack.skills.map((s) => s.id);
  const rows = [
    measure(`${label}, one competence`, index, perCompetence, LEARNERS_PER_COMPETENCE),
    measure(`${label}, whole bank`, index, [wholeBank], LEARNERS_WHOLE_BANK),
  ];
  const note = `${label}: ${pack.challenges.length} challenges, ${pack.skills.length} skills, ${pack.tubes.length} tubes; index built once in ${ms(buildMs)}.`;
  return { rows, note };
}

export async function run(): Promise<{ title: string; markdown: string }> {
  await Promise.resolve();
  const notes: string[] = [];
  const rows: Figures[] = [];
  const shipped = loadShippedPack();
  if (shipped === undefined) {
    notes.push('Shipped pack: shipped pack not built (run `npm run content:build`), no figures.');
  } else {
    const result = benchBank('shipped pack', shipped);
    rows.push(...result.rows);
    notes.push(result.note);
  }
  const synthetic = benchBank('synthetic bank', syntheticPack());
  rows.push(...synthetic.rows);
  notes.push(synthetic.note);

  const table = [
    '| scenario | target skills | tests | next-challenge calls | answers per test | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) => `| ${r.scenario} | ${r.targetSkills} | ${r.tests} | ${r.calls} | ${r.meanAnswers.toFixed(1)} | ${ms(r.p50, 3)} | ${ms(r.p95, 3)} | ${ms(r.max, 2)} |`,
    ),
  ];
  const markdown = [
    'Time for `nextChallenge` to choose the next challenge (replaying the whole answer log each call), in Node.',
    'Targets: p95 ≤ 1 ms on the shipped pack, ≤ 3 ms on 10,000 challenges.',
    'Simulated learners: level ~ N(3, 1.3), answers drawn from the logistic model, 4 % skipped, half of them offline.',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    ...table,
  ].join('\n');
  return { title: 'Smart random (campaigns, competence training)', markdown };
}
