/**
 * [SYNC-CONVERGE] Random offline histories converge. Two to four lab machines write answers and move assessments
 * forward offline, push (sometimes losing the response after the relay applied the batch), pull a page at a time
 * from their checkpoints, while the relay restarts on the same SQLite file. After one final push and pull by every
 * machine, all machines and the relay hold the same answers, each exactly once, and the same assessments, whose
 * progress is the merge (src/core/sync/merge.ts) of everything any machine wrote, in whatever order it arrived.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import { mergeAssessment, stableStringify } from '../../src/core/sync/merge.ts';
import { ASSESSMENT_STEPS, ModelClient } from './model-client.ts';
import type { AssessmentStep, PushedCollection } from './model-client.ts';
import { prepareTemplate, RelayOnFile } from './relay-on-file.ts';
import type { RelayTemplate } from './relay-on-file.ts';

const MAX_CLIENTS = 4;
const ASSESSMENT_SLOTS = 3;
const T0 = 1_767_225_600_000;
/** Runs per `vitest run`: enough to meet restarts and lost responses in many orders, under ~30 s. */
const NUM_RUNS = 30;

type Command =
  | { kind: 'answer'; client: number; slot: number; at: number }
  | { kind: 'assess'; client: number; slot: number; step: AssessmentStep; at: number }
  | { kind: 'push'; client: number; collection: PushedCollection; batch: number; dropResponse: boolean }
  | { kind: 'pull'; client: number; collection: PushedCollection; limit: number }
  | { kind: 'restart' };

const collection = fc.constantFrom<PushedCollection>('answers', 'assessments');

function commandArbitrary(clients: number): fc.Arbitrary<Command> {
  const client = fc.integer({ min: 0, max: clients - 1 });
  const slot = fc.integer({ min: 0, max: ASSESSMENT_SLOTS - 1 });
  const at = fc.integer({ min: T0, max: T0 + 100_000 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), client, slot, at }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('assess' as const), client, slot, step: fc.constantFrom(...ASSESSMENT_STEPS), at }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('push' as const), client, collection, batch: fc.integer({ min: 1, max: 4 }), dropResponse: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('pull' as const), client, collection, limit: fc.integer({ min: 1, max: 3 }) }) },
    // Restarts cost ~50–300 ms each: rare, but most runs meet one.
    { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  );
}

const scenario = fc.integer({ min: 2, max: MAX_CLIENTS }).chain((clients) =>
  fc.record({ clients: fc.constant(clients), commands: fc.array(commandArbitrary(clients), { minLength: 10, maxLength: 50, size: 'max' }) }),
);

type Doc = Record<string, unknown>;

const PROGRESS_FIELDS = ['state', 'startedAt', 'completedAt', 'sharedAt', '_deleted'] as const;
const progress = (doc: AssessmentDocument) => Object.fromEntries(PROGRESS_FIELDS.map((f) => [f, doc[f]]));

async function relayDocuments(run: RelayOnFile, token: string, name: PushedCollection): Promise<Doc[]> {
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

beforeAll(async () => {
  template = await prepareTemplate(MAX_CLIENTS);
});

afterAll(() => {
  template.dispose();
});

describe('[SYNC-CONVERGE] lab machines and the relay converge whatever the order of offline writes, pushes, pulls and restarts', () => {
  it('same answers exactly once and identically merged assessments everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ clients: clientCount, commands }) => {
        const run = await RelayOnFile.fromTemplate(template);
        try {
          const clients = template.devices.slice(0, clientCount).map((d, i) => new ModelClient(i, d.deviceId, d.token, () => run.relay.app));
          const written: AnswerDocument[] = [];
          const proposals = new Map<string, AssessmentDocument[]>();
          for (const command of commands) {
            if (command.kind === 'restart') {
              await run.restart();
              continue;
            }
            const client = clients[command.client] as ModelClient;
            if (command.kind === 'answer') written.push(client.writeAnswer(command.slot, command.at));
            else if (command.kind === 'assess') {
              const proposal = client.updateAssessment(command.slot, command.step, command.at);
              proposals.set(proposal.id, [...(proposals.get(proposal.id) ?? []), proposal]);
            } else if (command.kind === 'push') await client.push(command.collection, command.batch, command.dropResponse);
            else await client.pull(command.collection, command.limit);
          }
          for (const client of clients) await client.pushAll();
          for (const client of clients) await client.pullAll();

          // The relay: every answer written anywhere, exactly once, as written.
          const token = template.devices[0]?.token ?? '';
          const relayAnswers = await relayDocuments(run, token, 'answers');
          expect(relayAnswers.map((d) => d.id).sort()).toEqual(written.map((a) => a.id).sort());
          const byId = new Map(relayAnswers.map((d) => [String(d.id), d]));
          for (const answer of written) expect({ ...byId.get(answer.id), updatedAt: 0 }).toEqual(answer);

          // The relay's assessments are the merge of every proposal, whatever the arrival order.
          const relayAssessments = await relayDocuments(run, token, 'assessments');
          expect(relayAssessments.map((d) => d.id).sort()).toEqual([...proposals.keys()].sort());
          for (const doc of relayAssessments) {
            const all = proposals.get(String(doc.id)) ?? [];
            const merged = all.slice(1).reduce(mergeAssessment, all[0] as AssessmentDocument);
            expect(progress(doc as unknown as AssessmentDocument)).toEqual(progress(merged));
          }

          // Every machine holds exactly the relay's documents, server fields included.
          const canonical = (docs: Doc[]) => docs.map((d) => stableStringify(d)).sort();
          for (const client of clients) {
            expect(canonical([...client.answers.values()].map((l) => l.doc as unknown as Doc))).toEqual(canonical(relayAnswers));
            expect(canonical([...client.assessments.values()].map((l) => l.doc as unknown as Doc))).toEqual(canonical(relayAssessments));
            expect([...client.answers.values(), ...client.assessments.values()].filter((l) => l.dirty)).toEqual([]);
          }
        } finally {
          await run.dispose();
        }
      }),
      {
        numRuns: NUM_RUNS,
        // A failure is shrunk for at most a minute (a run costs up to ~1 s), then reported as found so far.
        interruptAfterTimeLimit: 60_000,
        markInterruptAsFailure: false,
        ...(process.env.CONVERGENCE_SEED ? { seed: Number(process.env.CONVERGENCE_SEED) } : {}),
      },
    );
  }, 120_000);
});
