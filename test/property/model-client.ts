/**
 * A lab machine as a model: a local store of answers and assessments with a "not yet pushed" mark, and a pull
 * checkpoint per collection, speaking the relay's HTTP contract through inject(). It follows the real client's
 * rules (workers/db/conflicts.ts): answers are immutable, and an assessment changed locally meets the relay's
 * copy with mergeAssessment(relay, local), keeping the relay's identity fields and updatedAt.
 */
import type { FastifyInstance } from 'fastify';
import type { AnswerDocument, AssessmentDocument, AssessmentState } from '../../src/core/sync/documents.ts';
import { mergeAssessment, sameAnswer } from '../../src/core/sync/merge.ts';
import { makeAnswer } from '../lab-client.ts';

export type PushedCollection = 'answers' | 'assessments';
export const ASSESSMENT_STEPS = ['start', 'complete', 'share', 'abort', 'end', 'delete'] as const;
export type AssessmentStep = (typeof ASSESSMENT_STEPS)[number];

interface Local<T> {
  doc: T;
  /** Written here and not yet acknowledged by the relay. */
  dirty: boolean;
}

interface Page<T> {
  documents: T[];
  checkpoint: { seq: number };
}

const STEP_STATE: Record<Exclude<AssessmentStep, 'delete'>, AssessmentState> = {
  start: 'started',
  complete: 'completed',
  share: 'shared',
  abort: 'aborted',
  end: 'ended-by-invigilator',
};

export function learnerOfSlot(slot: number): string {
  return `demo-learner-${String(slot + 1).padStart(2, '0')}`;
}

/**
 * One step of a test attempt as a machine records it. Identity fields follow from the slot; the device that writes
 * is recorded, so two machines may disagree on `deviceId` and must end up with the relay's.
 */
export function assessmentProposal(slot: number, state: AssessmentState, at: number, deviceId: string): AssessmentDocument {
  return {
    id: `as-${slot}`,
    kind: 'campaign',
    learnerId: learnerOfSlot(slot),
    campaignId: 'camp-1',
    competenceId: null,
    sessionId: null,
    state,
    startedAt: at,
    completedAt: state === 'started' ? null : at,
    sharedAt: state === 'shared' ? at : null,
    deviceId,
    contentVersion: '0123456789abcdef',
    updatedAt: 0,
    _deleted: false,
  };
}

export class ModelClient {
  readonly answers = new Map<string, Local<AnswerDocument>>();
  readonly assessments = new Map<string, Local<AssessmentDocument>>();
  readonly checkpoints: Record<PushedCollection, number> = { answers: 0, assessments: 0 };
  private written = 0;

  constructor(
    readonly index: number,
    readonly deviceId: string,
    private readonly token: string,
    private readonly app: () => FastifyInstance,
  ) {}

  /** An answer written offline: a new id of this machine. */
  writeAnswer(slot: number, at: number): AnswerDocument {
    const n = this.written++;
    const doc = makeAnswer({
      id: `c${this.index}-a${n}`,
      assessmentId: `as-${slot}`,
      learnerId: learnerOfSlot(slot),
      challengeId: `rec${slot}-${n}`,
      value: { kind: 'choice', selected: [1 + (n % 4)] },
      result: n % 2 === 0 ? 'ok' : 'ko',
      answeredAt: at,
      deviceId: this.deviceId,
      index: n,
    });
    this.answers.set(doc.id, { doc, dirty: true });
    return doc;
  }

  /** An assessment moved forward offline; returns what the machine proposed (the oracle folds these). */
  updateAssessment(slot: number, step: AssessmentStep, at: number): AssessmentDocument {
    const local = this.assessments.get(`as-${slot}`);
    // Deleting keeps everything else as the machine knows it; a step moves the state forward from there.
    const proposal =
      step === 'delete'
        ? { ...(local?.doc ?? assessmentProposal(slot, 'started', at, this.deviceId)), _deleted: true }
        : assessmentProposal(slot, STEP_STATE[step], at, this.deviceId);
    this.assessments.set(proposal.id, { doc: local ? mergeAssessment(local.doc, proposal) : proposal, dirty: true });
    return proposal;
  }

  /**
   * Pushes up to `batch` unpushed documents. With `dropResponse`, the relay applies the batch but the machine
   * never hears back, so the documents stay unpushed and go again later.
   */
  async push(collection: PushedCollection, batch: number, dropResponse: boolean): Promise<void> {
    const store: Map<string, Local<AnswerDocument | AssessmentDocument>> = this[collection];
    const pending = [...store.values()].filter((l) => l.dirty).slice(0, batch);
    if (pending.length === 0) return;
    const response = await this.app().inject({
      method: 'POST',
      url: `/api/replication/${collection}/push`,
      headers: { authorization: `Bearer ${this.token}` },
      payload: pending.map((l) => ({ newDocumentState: l.doc, assumedMasterState: null })),
    });
    if (response.statusCode !== 200) throw new Error(`client ${this.index} push ${collection}: ${response.statusCode} ${response.body}`);
    if (dropResponse) return;
    const conflicts = new Map(response.json<Record<string, unknown>[]>().map((doc) => [String(doc.id), doc]));
    for (const local of pending) {
      const master = conflicts.get(local.doc.id);
      if (!master) {
        local.dirty = false;
        continue;
      }
      if (collection === 'answers') throw new Error(`client ${this.index}: answer ${local.doc.id} conflicts with the relay's copy`);
      this.meetAssessment(master as unknown as AssessmentDocument);
    }
  }

  /** One page of a collection after this machine's checkpoint. */
  async pull(collection: PushedCollection, limit: number): Promise<number> {
    const response = await this.app().inject({
      method: 'GET',
      url: `/api/replication/${collection}/pull?seq=${this.checkpoints[collection]}&limit=${limit}`,
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (response.statusCode !== 200) throw new Error(`client ${this.index} pull ${collection}: ${response.statusCode} ${response.body}`);
    const page = response.json<Page<AnswerDocument & AssessmentDocument>>();
    for (const doc of page.documents) {
      if (collection === 'answers') this.meetAnswer(doc);
      else this.meetAssessment(doc);
    }
    if (page.checkpoint.seq < this.checkpoints[collection]) throw new Error(`client ${this.index}: checkpoint went back`);
    this.checkpoints[collection] = page.checkpoint.seq;
    return page.documents.length;
  }

  /** Back online for good: push everything, acknowledged. */
  async pushAll(): Promise<void> {
    for (const collection of ['answers', 'assessments'] as const) {
      for (let round = 0; [...this[collection].values()].some((l) => l.dirty); round++) {
        // Every round acknowledges or merges; a relay that kept answering conflicts would loop forever.
        if (round === 20) throw new Error(`client ${this.index}: ${collection} still unpushed after ${round} rounds`);
        await this.push(collection, 100, false);
      }
    }
  }

  /** Pull every page until the relay has nothing newer. */
  async pullAll(): Promise<void> {
    for (const collection of ['answers', 'assessments'] as const) {
      while ((await this.pull(collection, 50)) > 0) {
        // next page
      }
    }
  }

  private meetAnswer(master: AnswerDocument): void {
    const local = this.answers.get(master.id);
    if (local && !sameAnswer(local.doc, master)) throw new Error(`client ${this.index}: pulled answer ${master.id} differs from the local one`);
    this.answers.set(master.id, { doc: master, dirty: false });
  }

  private meetAssessment(master: AssessmentDocument): void {
    const local = this.assessments.get(master.id);
    if (local?.dirty) {
      // Same rule as assessmentConflictHandler: the relay's copy is the base, local progress is merged in.
      local.doc = { ...mergeAssessment(master, local.doc), updatedAt: master.updatedAt };
      return;
    }
    this.assessments.set(master.id, { doc: master, dirty: false });
  }
}
