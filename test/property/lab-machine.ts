/**
 * A lab machine of the convergence test: the real client (test/lab-client.ts: RxDB, the device database, the
 * replication of workers/sync) talking to an in-process relay through inject(). Its student writes answers and moves
 * tests forward offline; `sync()` runs one replication cycle (push what changed, pull what is new) as a machine does
 * when it finds the relay again, with the batch sizes given, possibly losing a push's response.
 */
import type { FastifyInstance } from 'fastify';
import type { AnswerDocument, AssessmentDocument, AssessmentState } from '../../src/core/sync/documents.ts';
import { mergeAssessment } from '../../src/core/sync/merge.ts';
import { replicateLabDatabase } from '../../workers/sync/replicate.ts';
import { createLabClient, makeAnswer, makeAssessment } from '../lab-client.ts';
import type { LabClient } from '../lab-client.ts';
import { injectNetwork } from './inject-fetch.ts';
import type { InjectNetwork } from './inject-fetch.ts';

export const ASSESSMENT_STEPS = ['complete', 'share', 'abort', 'end'] as const;
export type AssessmentStep = (typeof ASSESSMENT_STEPS)[number];

const STEP_STATE: Record<AssessmentStep, AssessmentState> = {
  complete: 'completed',
  share: 'shared',
  abort: 'aborted',
  end: 'ended-by-invigilator',
};

export function learnerOfSlot(slot: number): string {
  return `demo-learner-${String(slot + 1).padStart(2, '0')}`;
}

/** One step of a test attempt as a machine records it: identity from the slot, the writing machine recorded. */
export function assessmentProposal(slot: number, state: AssessmentState, at: number, deviceId: string): AssessmentDocument {
  return makeAssessment({
    id: `as-${slot}`,
    learnerId: learnerOfSlot(slot),
    state,
    startedAt: at,
    completedAt: state === 'started' ? null : at,
    sharedAt: state === 'shared' ? at : null,
    deviceId,
  });
}

/** A document as the machine holds it, RxDB's bookkeeping left out (`_deleted` kept). */
function held(doc: { toMutableJSON(withMeta: true): object }): Record<string, unknown> {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc.toMutableJSON(true) as Record<string, unknown>;
  return rest;
}

export class PropertyMachine {
  private constructor(
    readonly index: number,
    readonly deviceId: string,
    readonly client: LabClient,
    readonly network: InjectNetwork,
  ) {}

  static async open(index: number, device: { deviceId: string; token: string }, app: () => FastifyInstance): Promise<PropertyMachine> {
    const network = injectNetwork(app);
    // Two collections per machine: RxDB's free version opens at most 13 per process, and up to four machines run.
    const client = await createLabClient({ baseUrl: 'http://relay.test', token: device.token, fetchImpl: network.fetch, only: ['answers', 'assessments'] });
    return new PropertyMachine(index, device.deviceId, client, network);
  }

  /**
   * The student answers position `position` of test `slot`, which the machine starts if it does not hold it yet.
   * Answer ids are the test and the position (as the engine makes them), so two machines can write the same id with
   * different content; a position this machine already holds is refused, as the engine does. Returns what was
   * written: the answer (or null) and the test's start (or null).
   */
  async writeAnswer(slot: number, position: number, at: number): Promise<{ answer: AnswerDocument | null; started: AssessmentDocument | null }> {
    const db = this.client.db;
    let started: AssessmentDocument | null = null;
    if (!(await db.assessments.findOne(`as-${slot}`).exec())) {
      started = assessmentProposal(slot, 'started', at, this.deviceId);
      await db.assessments.insert(started);
    }
    const id = `as-${slot}:${position}`;
    if (await db.answers.findOne(id).exec()) return { answer: null, started };
    const answer = makeAnswer({
      id,
      assessmentId: `as-${slot}`,
      learnerId: learnerOfSlot(slot),
      challengeId: `rec${slot}-${position}-m${this.index}`,
      value: { kind: 'choice', selected: [1 + ((position + this.index) % 4)] },
      result: (position + this.index) % 2 === 0 ? 'ok' : 'ko',
      answeredAt: at,
      deviceId: this.deviceId,
      index: position,
    });
    await db.answers.insert(answer);
    return { answer, started };
  }

  /** The test moves forward on this machine (merged into what the machine holds, as the engine does); returns the proposal. */
  async moveAssessment(slot: number, step: AssessmentStep, at: number): Promise<AssessmentDocument> {
    const proposal = assessmentProposal(slot, STEP_STATE[step], at, this.deviceId);
    const local = await this.client.db.assessments.findOne(proposal.id).exec();
    if (!local) {
      await this.client.db.assessments.insert(proposal);
      return proposal;
    }
    const merged = mergeAssessment(local.toMutableJSON(), proposal);
    await local.incrementalPatch({ state: merged.state, startedAt: merged.startedAt, completedAt: merged.completedAt, sharedAt: merged.sharedAt });
    return proposal;
  }

  /** One replication cycle with the real code: pushes what changed, pulls what is new, then stops. */
  async sync(options: { pushBatch: number; pullBatch: number; loseResponse: boolean }): Promise<void> {
    if (options.loseResponse) this.network.loseNextPushResponse();
    const replication = replicateLabDatabase(this.client.db, this.client.connection, {
      live: false,
      stream: false,
      identifier: this.client.name,
      refused: this.client.refused,
      retryMs: 5,
      pushBatch: options.pushBatch,
      pullBatch: options.pullBatch,
    });
    try {
      await replication.awaitInSync();
    } finally {
      await replication.stop();
    }
  }

  async answers(): Promise<Record<string, unknown>[]> {
    return (await this.client.db.answers.find().exec()).map(held);
  }

  async assessments(): Promise<Record<string, unknown>[]> {
    return (await this.client.db.assessments.find().exec()).map(held);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
