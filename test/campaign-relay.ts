/**
 * Campaign participations as a lab machine would push them, for the relay's campaign tests: each challenge is the
 * one the real engine chooses (src/core's chooseNextChallenge), answered right or wrong as the test says, so the
 * relay's replay finds the log honest and scores it. Also a second school with its own staff and machine.
 */
import type { FastifyInstance } from 'fastify';
import { buildPackIndex } from '../src/core/content/pack-index.ts';
import type { ContentPack } from '../src/core/content/types.ts';
import { createFlashBank } from '../src/core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../src/core/flash/content-pack-items.ts';
import { chooseNextChallenge } from '../src/core/replay/choose-next.ts';
import type { EngineContent } from '../src/core/replay/choose-next.ts';
import type { AnswerDocument, AssessmentDocument, AssessmentState } from '../src/core/sync/documents.ts';
import { issueToken } from '../sync-server/auth/tokens.ts';
import type { Store } from '../sync-server/store/store.ts';
import { correctAnswer, wrongAnswer } from './bank.ts';

export function engineContent(pack: ContentPack): EngineContent {
  const index = buildPackIndex(pack);
  return { version: pack.version, index, flashBank: () => createFlashBank(flashItemsFromPack(pack)) };
}

export interface ParticipationSpec {
  id: string;
  learnerId: string;
  campaignId: string;
  targetSkillIds: readonly string[];
  state: AssessmentState;
  startedAt: number;
  sharedAt?: number | null;
  /** Right or wrong, by position; the test ends when the engine ends it or after `maxAnswers`. */
  right: (position: number) => boolean;
  maxAnswers?: number;
  contentVersion?: string;
}

/** The documents a lab machine would hold for this participation. */
export function participationLog(content: EngineContent, spec: ParticipationSpec): { assessment: AssessmentDocument; answers: AnswerDocument[] } {
  const assessment: AssessmentDocument = {
    id: spec.id,
    kind: 'campaign',
    learnerId: spec.learnerId,
    campaignId: spec.campaignId,
    competenceId: null,
    sessionId: null,
    state: spec.state,
    startedAt: spec.startedAt,
    completedAt: spec.state === 'started' ? null : spec.startedAt + 60_000,
    sharedAt: spec.state === 'shared' ? (spec.sharedAt ?? spec.startedAt + 120_000) : null,
    deviceId: 'poste-1',
    contentVersion: spec.contentVersion ?? content.version,
    priorChallengeIds: [],
    updatedAt: 0,
    _deleted: false,
  };
  const answers: AnswerDocument[] = [];
  for (let index = 0; index < (spec.maxAnswers ?? 200); index++) {
    const choice = chooseNextChallenge({ content, assessment, targetSkillIds: spec.targetSkillIds, answers, online: true });
    if (choice.kind === 'end') break;
    const challenge = content.index.challengeById.get(choice.challengeId);
    if (!challenge) throw new Error(`unknown challenge ${choice.challengeId}`);
    const right = spec.right(index);
    answers.push({
      id: `${spec.id}:${index}`,
      assessmentId: spec.id,
      learnerId: spec.learnerId,
      challengeId: challenge.id,
      value: right ? correctAnswer(challenge) : wrongAnswer(challenge),
      result: right ? 'ok' : 'ko',
      timeSpentMs: 5_000,
      answeredAt: spec.startedAt + index * 10_000,
      deviceId: 'poste-1',
      index,
      online: true,
      updatedAt: 0,
      _deleted: false,
    });
  }
  return { assessment, answers };
}

/** Pushes a participation with a device token, as replication would (assessment first, then its answers). */
export async function pushParticipation(app: FastifyInstance, deviceToken: string, log: { assessment: AssessmentDocument; answers: AnswerDocument[] }): Promise<void> {
  for (const [collection, docs] of [['assessments', [log.assessment]], ['answers', log.answers]] as const) {
    if (docs.length === 0) continue;
    const response = await app.inject({
      method: 'POST',
      url: `/api/replication/${collection}/push`,
      headers: { authorization: `Bearer ${deviceToken}` },
      payload: docs.map((d) => ({ newDocumentState: d, assumedMasterState: null })),
    });
    if (response.statusCode !== 200 || response.body !== '[]') throw new Error(`push ${collection}: ${response.statusCode} ${response.body}`);
  }
}

/** A second school with an admin, a teacher, a learner and one lab machine, created through the store. */
export async function otherSchool(store: Store, now: number): Promise<{ admin: string; teacher: string; device: string; learnerId: string }> {
  const organizationId = 'org2';
  await store.createOrganization({ id: organizationId, name: 'Collège voisin', uai: '0000002B', createdAt: now });
  await store.createUser({ id: 'org2-admin', organizationId, email: 'admin@voisin.example', firstName: 'Odile', lastName: 'Autre', passwordHash: 'unused', roles: ['admin'], createdAt: now });
  await store.createUser({ id: 'org2-teacher', organizationId, email: 'prof@voisin.example', firstName: 'Paul', lastName: 'Voisin', passwordHash: 'unused', roles: ['member'], createdAt: now });
  await store.createDevice({ id: 'org2-device', organizationId, name: 'Salle 1 poste 1', enrolledBy: 'org2-admin', createdAt: now });
  await store.upsertLearners([{ id: 'org2-learner', organizationId, lastName: 'VOISIN', firstName: 'Alix', className: '3E B', birthDate: '2011-02-03', nationalId: null, active: true, updatedAt: now }]);
  return {
    admin: await issueToken(store, { type: 'user', id: 'org2-admin', organizationId }, now),
    teacher: await issueToken(store, { type: 'user', id: 'org2-teacher', organizationId }, now),
    device: await issueToken(store, { type: 'device', id: 'org2-device', organizationId }, now),
    learnerId: 'org2-learner',
  };
}
