/**
 * Flash (certification) figures: simulated precision and exposure of the chosen method against the
 * unconstrained baseline and the alternatives measured for ADR 0002, and the time to choose the next item.
 * Targets (engine issue): RMSE ≤ 0.25, |bias| ≤ 0.05, no item to more than 25 % of examinees, every test
 * with one item per tube and all 16 competences; next item p95 ≤ 1 ms shipped, ≤ 3 ms on 10,000 items.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentManifest, ContentPack } from '../src/core/content/types.ts';
import { estimateAbility } from '../src/core/flash/ability-estimate.ts';
import type { ScoredResponse } from '../src/core/flash/ability-estimate.ts';
import { checkBlueprint } from '../src/core/flash/blueprint-check.ts';
import { nextCertificationItem } from '../src/core/flash/certification.ts';
import type { CertificationAnswer } from '../src/core/flash/certification.ts';
import { flashItemsFromPack } from '../src/core/flash/content-pack-items.ts';
import { isEligible } from '../src/core/flash/eligibility.ts';
import { calibrateExposure, DEFAULT_CALIBRATION } from '../src/core/flash/exposure-calibration.ts';
import { createFlashBank } from '../src/core/flash/flash-bank.ts';
import type { FlashBank } from '../src/core/flash/flash-bank.ts';
import type { FlashItem } from '../src/core/flash/flash-item.ts';
import { COMPETENCE_COUNT, FlashTestState } from '../src/core/flash/flash-test-state.ts';
import { itemInformation, probabilityCorrect } from '../src/core/flash/irt.ts';
import { examineeSeed, simulateExaminees } from '../src/core/flash/simulate.ts';
import type { SimulatedExaminee } from '../src/core/flash/simulate.ts';
import { simulationMetrics } from '../src/core/flash/simulation-metrics.ts';
import { REFERENCE_BANK, syntheticBank } from '../src/core/flash/synthetic-bank.ts';
import { createRandom, normal } from '../src/core/random.ts';
import type { Random } from '../src/core/random.ts';
import { percentile } from './machine.ts';

const EXAMINEES = 1000;
const LENGTH = 32;
const RUN_SEED = 'flash-bench';

type Row = { method: string; examinees: SimulatedExaminee[]; items: readonly FlashItem[]; calibrationMs?: number };

/** Abilities ~ N(0, 1), the same for every method. */
function abilities(count: number): number[] {
  const random = createRandom(`${RUN_SEED}:thetas`);
  return Array.from({ length: count }, () => normal(random));
}

function withEligibility(items: readonly FlashItem[], eligibility: Readonly<Record<string, number>>): FlashItem[] {
  return items.map((item) => ({ ...item, eligibility: eligibility[item.id] ?? 1 }));
}

function calibrated(method: string, items: readonly FlashItem[], thetas: readonly number[], target: number): Row {
  const started = performance.now();
  const { eligibility } = calibrateExposure(items, { ...DEFAULT_CALIBRATION, target });
  const calibrationMs = performance.now() - started;
  const bankItems = withEligibility(items, eligibility);
  return { method, items: bankItems, calibrationMs, examinees: simulateExaminees(createFlashBank(bankItems), thetas, { length: LENGTH, seed: RUN_SEED }) };
}

// ---- Alternatives that are not in src/core: the same blueprint, another way to pick or to estimate. ----

/** Items the blueprint allows next, uncovered competences first (select-item.ts, without exposure control). */
function allowedItems(state: FlashTestState): number[] {
  const { bank } = state;
  const open = (i: number) => state.usedTubes[bank.tube[i] ?? 0] === 0 && bank.competence[i] !== state.lastCompetence;
  const all = bank.items.map((_, i) => i).filter(open);
  const uncovered = state.coveredCount < COMPETENCE_COUNT ? all.filter((i) => state.coveredCompetences[bank.competence[i] ?? 0] === 0) : [];
  return uncovered.length > 0 ? uncovered : all;
}

type Pick = (bank: FlashBank, candidates: number[], theta: number, step: number, random: Random, state: FlashTestState) => number;

const byInformation = (bank: FlashBank, candidates: number[], theta: number) =>
  candidates.map((i) => ({ i, info: itemInformation(theta, bank.a[i] ?? 0, bank.b[i] ?? 0) })).sort((x, y) => y.info - x.info);

/** Randomesque: a uniform draw among the five most informative items. */
const randomesque: Pick = (bank, candidates, theta, _step, random) => {
  const top = byInformation(bank, candidates, theta).slice(0, 5);
  return top[Math.floor(random.next() * top.length)]?.i ?? -1;
};

/** Progressive method (Revuelta & Ponsoda, 1998): weight (1 − s/L)·U(0, max info) + (s/L)·info. */
const progressive: Pick = (bank, candidates, theta, step, random) => {
  const ranked = byInformation(bank, candidates, theta);
  const top = ranked[0]?.info ?? 0;
  const t = step / LENGTH;
  let best = -1;
  let bestWeight = -Infinity;
  for (const { i, info } of ranked) {
    const weight = (1 - t) * random.next() * top + t * info;
    if (weight > bestWeight) [best, bestWeight] = [i, weight];
  }
  return best;
};

/** The production rule: most informative eligible item, else most informative. */
const eligibleFirst: Pick = (bank, candidates, theta, _step, _random, state) => {
  const ranked = byInformation(bank, candidates, theta);
  return (ranked.find(({ i }) => isEligible(bank, i, state.seedHash)) ?? ranked[0])?.i ?? -1;
};

/**
 * Drifting prior with a change cap, our reading of Pix's flash estimator: after each answer, the EAP of
 * all answers under a N(previous estimate, 1) prior, moved at most 50 % of max(|previous|, 1).
 */
function driftingEstimate(responses: readonly ScoredResponse[], previous: number): number {
  const next = estimateAbility(responses, { mean: previous, sd: 1 }).estimate;
  const cap = 0.5 * Math.max(Math.abs(previous), 1);
  return Math.min(previous + cap, Math.max(previous - cap, next));
}

function simulateVariant(method: string, items: readonly FlashItem[], thetas: readonly number[], pick: Pick, drifting = false): Row {
  const bank = createFlashBank(items);
  const examinees = thetas.map((theta, k) => {
    const seed = examineeSeed(RUN_SEED, k);
    const state = new FlashTestState(bank, seed);
    const choices = createRandom(`${seed}:choices`);
    const responses = createRandom(`${seed}:responses`);
    const scored: ScoredResponse[] = [];
    let estimate = 0;
    for (let step = 0; step < LENGTH; step++) {
      const index = pick(bank, allowedItems(state), estimate, step, choices, state);
      if (index < 0) break;
      const a = bank.a[index] ?? 0;
      const b = bank.b[index] ?? 0;
      const correct = responses.next() < probabilityCorrect(theta, a, b);
      state.record(index, correct);
      scored.push({ a, b, correct });
      estimate = drifting ? driftingEstimate(scored, estimate) : state.estimate().estimate;
    }
    const sem = estimateAbility(scored).sem;
    return { theta, estimate, sem, items: state.administered.map((i) => bank.items[i]?.id ?? '') };
  });
  return { method, items, examinees };
}

// ---- Tables ----

function blueprintShare(row: Row): number {
  const byId = new Map(row.items.map((item) => [item.id, item]));
  const competences = new Set(row.items.map((item) => item.competenceId)).size;
  const held = row.examinees.filter((e) => {
    const asked = e.items.map((id) => byId.get(id)).filter((item) => item !== undefined);
    return asked.length === LENGTH && checkBlueprint(asked, competences).length === 0 && new Set(asked.slice(0, competences).map((i) => i.competenceId)).size === competences;
  });
  return held.length / row.examinees.length;
}

function precisionTable(rows: readonly Row[]): string {
  const lines = [
    '| method | RMSE | bias | mean SEM | max exposure | items never used | blueprint held | calibration |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const m = simulationMetrics(row.examinees, row.items.length);
    const calibration = row.calibrationMs === undefined ? '—' : `${(row.calibrationMs / 1000).toFixed(1)} s`;
    lines.push(
      `| ${row.method} | ${m.rmse.toFixed(3)} | ${m.bias >= 0 ? '+' : ''}${m.bias.toFixed(3)} | ${m.meanSem.toFixed(3)} | ${(m.maxExposure * 100).toFixed(1)} % | ${(m.unusedShare * 100).toFixed(0)} % | ${(blueprintShare(row) * 100).toFixed(1)} % | ${calibration} |`,
    );
  }
  return lines.join('\n');
}

/** Time of nextCertificationItem (replaying the log, as in production) over whole simulated tests. */
function nextItemTimes(items: readonly FlashItem[], tests: number): { p50: number; p95: number; calls: number } {
  const bank = createFlashBank(items);
  const thetas = createRandom(`${RUN_SEED}:timing`);
  const times: number[] = [];
  const warmUp = Math.min(20, Math.floor(tests / 5));
  for (let k = 0; k < tests + warmUp; k++) {
    const theta = normal(thetas);
    const responses = createRandom(`timing-${k}`);
    const test = { bank, seed: `timing-${k}`, online: false };
    const answers: CertificationAnswer[] = [];
    for (;;) {
      const started = performance.now();
      const next = nextCertificationItem(test, answers);
      const elapsed = performance.now() - started;
      if (k >= warmUp) times.push(elapsed);
      if (next.kind === 'end') break;
      const correct = responses.next() < probabilityCorrect(theta, next.item.a, next.item.b);
      answers.push({ challengeId: next.item.id, result: correct ? 'ok' : 'ko' });
    }
  }
  times.sort((x, y) => x - y);
  return { p50: percentile(times, 50), p95: percentile(times, 95), calls: times.length };
}

/** The built pack's items, with the K of the exposure table it carries (content/exposure.json), as in production. */
function shippedItems(): { items: FlashItem[]; restricted: number } | null {
  const manifestPath = join('public', 'content', 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ContentManifest;
  const pack = JSON.parse(readFileSync(join('public', manifest.url.replace(/^\/+/, '')), 'utf8')) as ContentPack;
  return { items: flashItemsFromPack(pack), restricted: Object.keys(pack.exposure?.eligibility ?? {}).length };
}

function withoutExposure(items: readonly FlashItem[]): FlashItem[] {
  return items.map((item) => ({ ...item, eligibility: 1 }));
}

/** 10,000 items: 16 competences × 40 tubes, and an eligibility K in [0.2, 1] on every item, heavier than a calibration. */
function largeBank(): FlashItem[] {
  const random = createRandom(`${RUN_SEED}:large`);
  return syntheticBank({ ...REFERENCE_BANK, items: 10_000, tubesPerCompetence: 40, seed: 'large-bank' }).map((item) => ({ ...item, eligibility: 0.2 + 0.8 * random.next() }));
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const thetas = abilities(EXAMINEES);
  const reference = syntheticBank(REFERENCE_BANK);
  const rows: Row[] = [
    { method: 'max information, no exposure control (baseline)', items: reference, examinees: simulateExaminees(createFlashBank(reference), thetas, { length: LENGTH, seed: RUN_SEED }) },
    simulateVariant('randomesque: draw among the top 5', reference, thetas, randomesque),
    simulateVariant('progressive method (Revuelta–Ponsoda)', reference, thetas, progressive),
    { method: 'item eligibility, K = 0.25 for every item (no calibration)', items: reference.map((item) => ({ ...item, eligibility: 0.25 })), examinees: [] },
    calibrated('item eligibility, Sympson–Hetter K, target 15 %', reference, thetas, 0.15),
    calibrated('**item eligibility, Sympson–Hetter K, target 20 % (chosen)**', reference, thetas, 0.2),
    calibrated('item eligibility, Sympson–Hetter K, target 25 %', reference, thetas, 0.25),
  ];
  const uniform = rows[3];
  if (uniform) uniform.examinees = simulateExaminees(createFlashBank(uniform.items), thetas, { length: LENGTH, seed: RUN_SEED });
  const chosen = rows[5];
  if (chosen) rows.push(simulateVariant('chosen selection, drifting prior + 50 % cap estimator (Pix-style)', chosen.items, thetas, eligibleFirst, true));

  const built = shippedItems();
  const shipped = built?.items ?? null;
  const simulated = (method: string, items: FlashItem[]): Row => ({ method, items, examinees: simulateExaminees(createFlashBank(items), thetas, { length: LENGTH, seed: RUN_SEED }) });
  const shippedRows: Row[] = built
    ? [
        simulated('shipped pack, no exposure control', withoutExposure(built.items)),
        simulated(`**shipped pack, the K it carries (content/exposure.json, ${built.restricted} challenges with K < 1)**`, built.items),
      ]
    : [];

  const large = largeBank();
  const timings = [
    ...(shipped ? [{ bank: `shipped pack (${shipped.length} challenges)`, ...nextItemTimes(shipped, 300), target: 1 }] : []),
    { bank: 'synthetic, 10,000 challenges', ...nextItemTimes(large, 150), target: 3 },
  ];

  const markdown = [
    `Simulation: ${EXAMINEES} examinees with abilities ~ N(0, 1), ${LENGTH} items each, on the reference bank`,
    '(300 items, 16 competences × 5 tubes, b ~ N(0, 1.2), a uniform in [0.8, 2.0]); EAP estimator unless stated.',
    'Targets: RMSE ≤ 0.25, |bias| ≤ 0.05, max exposure ≤ 25 %, blueprint held in 100 % of tests',
    '(32 items, one per tube, all competences in the first 16, never the same competence twice running).',
    'K is calibrated on other simulated examinees (2,000 per round, 12 rounds) than those measured here.',
    '',
    precisionTable(rows),
    '',
    ...(shipped
      ? [
          `Shipped pack (${shipped.length} challenges, ${new Set(shipped.map((i) => i.tubeId)).size} tubes, ${new Set(shipped.map((i) => i.competenceId)).size} competences), same examinees;`,
          'its K were calibrated by `cat calibrate --bank shipped` (2,000 examinees per round, 12 rounds, target 20 %) on other examinees:',
          '',
          precisionTable(shippedRows),
        ]
      : ['Shipped pack not built: run `npm run content:build` for its figures.']),
    '',
    'Next item (`nextCertificationItem`, replaying the answer log, as in production), over whole tests:',
    '',
    '| bank | calls | p50 | p95 | target p95 |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...timings.map((t) => `| ${t.bank} | ${t.calls} | ${t.p50.toFixed(3)} ms | ${t.p95.toFixed(3)} ms | ≤ ${t.target} ms |`),
  ].join('\n');
  return Promise.resolve({ title: 'Flash (certification): precision, exposure, next item', markdown });
}
