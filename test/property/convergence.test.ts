/**
 * [SYNC-CONVERGE] Random offline histories converge, on the real lab-machine replication (workers/sync on RxDB, with
 * the machines' conflict handlers) against the real relay (inject(), SQLite file). Two to four machines write answers
 * and move tests forward offline, then sync (several at once, in small batches, sometimes losing a push's response
 * after the relay applied it) while the relay restarts on the same file. Answer ids are the test and the position,
 * as the engine makes them, so two machines write the same id with different content: the relay keeps one and the
 * other machine takes it ([SYNC-3]). After every machine syncs twice more, all machines and the relay hold the same
 * answers, each exactly once, and the same assessments, whose progress is the merge (src/core/sync/merge.ts) of
 * everything any machine wrote, in whatever order it arrived.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import { mergeAssessment, stableStringify } from '../../src/core/sync/merge.ts';
import { countPendingAnswers } from '../../workers/db/pending-answers.ts';
import { ASSESSMENT_STEPS, PropertyMachine } from './lab-machine.ts';
import type { AssessmentStep } from './lab-machine.ts';
import { prepareTemplate, RelayOnFile } from './relay-on-file.ts';
import type { RelayTemplate } from './relay-on-file.ts';

const MAX_MACHINES = 4;
const ASSESSMENT_SLOTS = 3;
/** Positions per test: few, so that machines often answer the same position (the same answer id). */
const POSITIONS = 4;
const T0 = 1_767_225_600_000;
/** Runs per `vitest run`: enough to meet restarts, lost responses and shared ids in many orders, in ~20 s. */
const NUM_RUNS = 15;

type Command =
  | { kind: 'answer'; machine: number; slot: number; position: number; at: number }
  | { kind: 'assess'; machine: number; slot: number; step: AssessmentStep; at: number }
  | { kind: 'sync'; machines: number[]; pushBatch: number; pullBatch: number; loseResponse: boolean }
  | { kind: 'restart' };

function commandArbitrary(machines: number): fc.Arbitrary<Command> {
  const machine = fc.integer({ min: 0, max: machines - 1 });
  const slot = fc.integer({ min: 0, max: ASSESSMENT_SLOTS - 1 });
  const at = fc.integer({ min: T0, max: T0 + 100_000 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), machine, slot, position: fc.integer({ min: 0, max: POSITIONS - 1 }), at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('assess' as const), machine, slot, step: fc.constantFrom(...ASSESSMENT_STEPS), at }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        // Several machines syncing at once meet on the relay in whatever order their requests interleave.
        machines: fc.uniqueArray(machine, { minLength: 1, maxLength: machines }),
        pushBatch: fc.integer({ min: 1, max: 4 }),
        pullBatch: fc.integer({ min: 1, max: 3 }),
        loseResponse: fc.boolean(),
      }),
    },
    // Restarts cost ~50–300 ms each: rare, but most runs meet one.
    { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  );
}

const scenario = fc.integer({ min: 2, max: MAX_MACHINES }).chain((machines) =>
  fc.record({ machines: fc.constant(machines), commands: fc.array(commandArbitrary(machines), { minLength: 10, maxLength: 40, size: 'max' }) }),
);

type Doc = Record<string, unknown>;

const PROGRESS_FIELDS = ['state', 'startedAt', 'completedAt', 'sharedAt', '_deleted'] as const;
const progress = (doc: AssessmentDocument) => Object.fromEntries(PROGRESS_FIELDS.map((f) => [f, doc[f]]));
const content = (doc: object): string => {
  const { updatedAt: _updatedAt, ...rest } = doc as Doc;
  return stableStringify(rest);
};
const canonical = (docs: Doc[]): string[] => docs.map((d) => stableStringify(d)).sort();

async function relayDocuments(run: RelayOnFile, token: string, name: 'answers' | 'assessments'): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (let seq = 0; ; ) {
    const response = await run.relay.app.inject({ method: 'GET', url: `/api/replication/${name}/pull?seq=${seq}&limit=1000`, headers: { authorization: `Bearer ${token}` } });
    if (response.statusCode !== 200) throw new Error(`pull ${name}: ${response.statusCode} ${response.body}`);
    const page = response.json<{ documents: Doc[]; checkpoint: { seq: number } }>();
    if (page.documents.length === 0) return docs;
    docs.push(...page.documents);
    seq = page.checkpoint.seq;
  }
}

let template: RelayTemplate;
/** Over all runs: answer ids two machines wrote with different content, and push responses lost. */
const met = { sharedIds: 0, lostResponses: 0, restarts: 0 };

beforeAll(async () => {
  template = await prepareTemplate(MAX_MACHINES);
  // Lost responses and "not yet received" make the replication warn on every retry: expected here, and noisy.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(() => {
  vi.restoreAllMocks();
  template.dispose();
});

describe('[SYNC-CONVERGE] lab machines and the relay converge whatever the order of offline writes, syncs and restarts (real replication)', () => {
  it('same answers exactly once (one version per id) and identically merged assessments everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ machines: machineCount, commands }) => {
        const run = await RelayOnFile.fromTemplate(template);
        const machines: PropertyMachine[] = [];
        try {
          for (const [index, device] of template.devices.slice(0, machineCount).entries()) machines.push(await PropertyMachine.open(index, device, () => run.relay.app));
          const written = new Map<string, AnswerDocument[]>();
          const proposals = new Map<string, AssessmentDocument[]>();
          const propose = (doc: AssessmentDocument) => proposals.set(doc.id, [...(proposals.get(doc.id) ?? []), doc]);

          for (const command of commands) {
            if (command.kind === 'restart') {
              await run.restart();
              met.restarts++;
            } else if (command.kind === 'answer') {
              const { answer, started } = await (machines[command.machine] as PropertyMachine).writeAnswer(command.slot, command.position, command.at);
              if (started) propose(started);
              if (answer) written.set(answer.id, [...(written.get(answer.id) ?? []), answer]);
            } else if (command.kind === 'assess') {
              propose(await (machines[command.machine] as PropertyMachine).moveAssessment(command.slot, command.step, command.at));
            } else {
              await Promise.all(command.machines.map((m) => (machines[m] as PropertyMachine).sync(command)));
            }
          }
          // Back online for good: every machine sends what it holds, then every machine reads what the others sent.
          const calm = { pushBatch: 100, pullBatch: 50, loseResponse: false };
          for (const machine of machines) await machine.sync(calm);
          for (const machine of machines) await machine.sync(calm);

          // The relay: every answer id written anywhere, exactly once, with one of the versions written for it.
          const token = template.devices[0]?.token ?? '';
          const relayAnswers = await relayDocuments(run, token, 'answers');
          expect(relayAnswers.map((d) => d.id).sort()).toEqual([...written.keys()].sort());
          for (const doc of relayAnswers) expect((written.get(String(doc.id)) ?? []).map(content)).toContain(content(doc));
          met.sharedIds += [...written.values()].filter((versions) => new Set(versions.map(content)).size > 1).length;

          // The relay's assessments are the merge of every proposal, whatever the arrival order.
          const relayAssessments = await relayDocuments(run, token, 'assessments');
          expect(relayAssessments.map((d) => d.id).sort()).toEqual([...proposals.keys()].sort());
          for (const doc of relayAssessments) {
            const all = proposals.get(String(doc.id)) ?? [];
            const merged = all.slice(1).reduce(mergeAssessment, all[0] as AssessmentDocument);
            expect(progress(doc as unknown as AssessmentDocument)).toEqual(progress(merged));
          }

          // Every machine holds exactly the relay's documents, server fields included; nothing waits, nothing refused.
          for (const machine of machines) {
            expect(canonical(await machine.answers())).toEqual(canonical(relayAnswers));
            expect(canonical(await machine.assessments())).toEqual(canonical(relayAssessments));
            expect(await countPendingAnswers(machine.client.db, machine.client.refused)).toBe(0);
            expect(await machine.client.refused.count()).toBe(0);
          }
          met.lostResponses += machines.reduce((n, m) => n + m.network.lost, 0);
        } finally {
          for (const machine of machines) await machine.close();
          await run.dispose();
        }
      }),
      {
        numRuns: NUM_RUNS,
        // A failure is shrunk for at most a minute (a run costs up to ~2 s), then reported as found so far.
        interruptAfterTimeLimit: 60_000,
        markInterruptAsFailure: false,
        ...(process.env.CONVERGENCE_SEED ? { seed: Number(process.env.CONVERGENCE_SEED) } : {}),
      },
    );
    // The runs did meet what this is about.
    expect(met.sharedIds).toBeGreaterThan(0);
    expect(met.lostResponses).toBeGreaterThan(0);
    expect(met.restarts).toBeGreaterThan(0);
  }, 150_000);
});
