/**
 * Recomputation after every push, off the request path: pushes answer at once, results follow within
 * milliseconds. Assessments are coalesced (ten answers of one test in a batch recompute it once).
 *
 * Every read is made within the assessment's organisation ([STORE-SCOPE-1]): its answers, its campaign and its
 * results are looked up there and nowhere else, so another school's documents can never enter a result.
 */
import type { AnswerDocument, AssessmentDocument, CampaignDocument } from '../../src/core/sync/documents.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { AssessmentKey, Store, StoredDocument } from '../store/store.ts';
import { computeResults } from './compute-results.ts';
import { FlaggedTests } from './flagged-tests.ts';

/** Pending assessment ids per organisation: ids are unique within an organisation only. */
type Pending = Map<string, Set<string>>;

export class RecomputeQueue {
  private pending: Pending = new Map();
  private running: Promise<void> | null = null;
  private catchingUp: Promise<number> | null = null;
  /** Tests whose result is flagged ([RESULTS-4], [RESULTS-5]), counted once each since the relay started. */
  readonly flags = new FlaggedTests();

  constructor(
    private readonly store: Store,
    private readonly library: ContentLibrary,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Called after a committed push. */
  enqueue(organizationId: string, collection: string, written: StoredDocument[]): void {
    for (const doc of written) {
      const assessmentId = collection === 'answers' ? doc.parentId : collection === 'assessments' ? doc.id : null;
      if (!assessmentId) continue;
      const ids = this.pending.get(organizationId) ?? new Set<string>();
      ids.add(assessmentId);
      this.pending.set(organizationId, ids);
    }
    if (this.pending.size > 0 && !this.running) this.running = this.loop();
  }

  /**
   * Recomputes every assessment whose results are missing or stale: a relay killed between a committed push and
   * its recomputation catches up at its next start. One pass, by pages; a test whose pack is unknown is left.
   */
  async catchUp(pageSize = 200): Promise<number> {
    let after: AssessmentKey | null = null;
    let count = 0;
    for (;;) {
      const page = await this.store.listAssessmentsNeedingResults(after, pageSize);
      if (page.length === 0) return count;
      for (const [organizationId, ids] of byOrganization(page)) await this.recompute(organizationId, ids);
      count += page.length;
      after = page[page.length - 1] ?? after;
    }
  }

  /** Starts catchUp() in the background (at relay start); drain() waits for it. */
  startCatchUp(onDone: (count: number) => void): void {
    this.catchingUp ??= this.catchUp()
      .then((count) => {
        onDone(count);
        return count;
      })
      .catch((error: unknown) => {
        this.onError(error);
        return 0;
      });
  }

  /**
   * Resolves once the recomputations under way have finished, or after `timeoutMs` (the loop may keep running under
   * a steady stream of pushes): a teacher's read that follows a push sees the results of that push
   * ([CAMPAIGNS-LIVE]). Unlike drain(), it does not wait for the start-up catch-up.
   */
  async settled(timeoutMs: number): Promise<void> {
    // Real time, not the relay's clock (tests freeze that one).
    const deadline = performance.now() + timeoutMs;
    while (this.running && performance.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
      });
      await Promise.race([this.running, timeout]);
      clearTimeout(timer);
    }
  }

  /** Resolves when nothing is left to recompute (tests, shutdown). */
  async drain(): Promise<void> {
    await this.catchingUp;
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.size > 0) {
        const batch = this.pending;
        this.pending = new Map();
        for (const [organizationId, ids] of batch) await this.recompute(organizationId, [...ids]).catch(this.onError);
      }
    } finally {
      this.running = null;
    }
  }

  /** Recomputes an organisation's assessments from its own answers, campaigns and content. */
  async recompute(organizationId: string, assessmentIds: string[]): Promise<void> {
    const assessments = await this.store.getDocuments(organizationId, 'assessments', assessmentIds);
    if (assessments.length === 0) return;
    const answers = await this.store.getChildDocuments(organizationId, 'answers', assessments.map((a) => a.id));
    const campaignIds = [...new Set(assessments.map((a) => (a.body as unknown as AssessmentDocument).campaignId).filter((id): id is string => id !== null))];
    const campaigns = new Map((await this.store.getDocuments(organizationId, 'campaigns', campaignIds)).map((c) => [c.id, c.body as unknown as CampaignDocument]));
    const records = [];
    for (const stored of assessments) {
      const assessment = stored.body as unknown as AssessmentDocument;
      // Null when the relay does not hold the test's pack, or holds it only as another school's import: the result
      // then says so ([RESULTS-5], [STORE-CAMPAIGN-2]).
      const content = await this.library.forOrganization(organizationId, assessment.contentVersion);
      // Its own learner's answers only: a log written before pushes checked ownership ([SYNC-OWN-1]) may hold
      // another learner's answer under this test, which must not count.
      const own = answers.filter((a) => a.parentId === assessment.id && a.learnerId === assessment.learnerId).map((a) => a.body as unknown as AnswerDocument);
      const computed = computeResults(content, assessment, own, assessment.campaignId ? (campaigns.get(assessment.campaignId)?.targetSkillIds ?? []) : null);
      records.push({
        assessmentId: assessment.id,
        organizationId: stored.organizationId,
        learnerId: assessment.learnerId,
        kind: assessment.kind,
        campaignId: assessment.campaignId,
        contentVersion: assessment.contentVersion,
        computedAt: this.now(),
        body: computed as unknown as Record<string, unknown>,
      });
      this.flags.record(`${stored.organizationId}/${assessment.id}`, computed);
    }
    await this.store.saveAssessmentResults(records);
  }
}

function byOrganization(keys: AssessmentKey[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const key of keys) grouped.set(key.organizationId, [...(grouped.get(key.organizationId) ?? []), key.id]);
  return grouped;
}
