/**
 * Recomputation after every push, off the request path: pushes answer at once, results follow within
 * milliseconds. Assessments are coalesced (ten answers of one test in a batch recompute it once).
 */
import type { AnswerDocument, AssessmentDocument, CampaignDocument } from '../../src/core/sync/documents.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { Store, StoredDocument } from '../store/store.ts';
import { computeResults } from './compute-results.ts';

export class RecomputeQueue {
  private pending = new Map<string, string>();
  private running: Promise<void> | null = null;
  private catchingUp: Promise<number> | null = null;

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
      if (assessmentId) this.pending.set(assessmentId, organizationId);
    }
    if (this.pending.size > 0 && !this.running) this.running = this.loop();
  }

  /**
   * Recomputes every assessment whose results are missing or stale: a relay killed between a committed push and
   * its recomputation catches up at its next start. One pass, by pages; a test whose pack is unknown is left.
   */
  async catchUp(pageSize = 200): Promise<number> {
    let afterId = '';
    let count = 0;
    for (;;) {
      const page = await this.store.listAssessmentsNeedingResults(afterId, pageSize);
      if (page.length === 0) return count;
      await this.recompute(page.map((a) => a.id));
      count += page.length;
      afterId = page[page.length - 1]?.id ?? afterId;
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

  /** Resolves when nothing is left to recompute (tests, shutdown). */
  async drain(): Promise<void> {
    await this.catchingUp;
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending.keys()];
        this.pending = new Map();
        await this.recompute(batch).catch(this.onError);
      }
    } finally {
      this.running = null;
    }
  }

  async recompute(assessmentIds: string[]): Promise<void> {
    const assessments = await this.store.getDocuments('assessments', assessmentIds);
    if (assessments.length === 0) return;
    const answers = await this.store.getChildDocuments('answers', assessments.map((a) => a.id));
    const campaignIds = [...new Set(assessments.map((a) => (a.body as unknown as AssessmentDocument).campaignId).filter((id): id is string => id !== null))];
    const campaigns = new Map((await this.store.getDocuments('campaigns', campaignIds)).map((c) => [c.id, c.body as unknown as CampaignDocument]));
    const records = [];
    for (const stored of assessments) {
      const assessment = stored.body as unknown as AssessmentDocument;
      const content = await this.library.forVersion(assessment.contentVersion);
      if (!content) continue;
      const own = answers.filter((a) => a.parentId === assessment.id).map((a) => a.body as unknown as AnswerDocument);
      const computed = computeResults(content, assessment, own, assessment.campaignId ? (campaigns.get(assessment.campaignId)?.targetSkillIds ?? []) : null);
      records.push({
        assessmentId: assessment.id,
        organizationId: stored.organizationId,
        learnerId: assessment.learnerId,
        kind: assessment.kind,
        campaignId: assessment.campaignId,
        contentVersion: content.version,
        computedAt: this.now(),
        body: computed as unknown as Record<string, unknown>,
      });
    }
    await this.store.saveAssessmentResults(records);
  }
}
