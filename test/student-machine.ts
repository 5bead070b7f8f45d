/**
 * Students who can really sign in on a Node test lab machine (a roster entry with the birth-date hash the relay
 * would publish), and one engine API per "tab" over the same machine: each has its own session, as each tab has
 * its own worker.
 */
import { randomBytes } from 'node:crypto';
import type { LearnerDocument } from '../src/core/sync/documents.ts';
import { createEngineApi } from '../workers/engine-api.ts';
import type { EngineApi } from '../workers/engine-api.ts';
import { hashBirthDateInBrowser } from '../workers/runtime/birth-date-check.ts';
import type { LabRuntime } from '../workers/runtime/lab-runtime.ts';

export interface TestStudent {
  id: string;
  /** As typed on the screen: "14/03/2010". */
  birthDate: string;
}

export async function addStudent(runtime: LabRuntime, student: TestStudent, fields: Partial<LearnerDocument> = {}): Promise<void> {
  const salt = randomBytes(16).toString('hex');
  const db = await runtime.db();
  await db.learners.insert({
    id: student.id,
    organizationId: 'demo-org',
    lastName: student.id.toUpperCase(),
    firstName: 'Élève',
    className: '2NDE A',
    birthDateHash: await hashBirthDateInBrowser(student.birthDate, salt),
    birthDateSalt: salt,
    active: true,
    updatedAt: 1,
    _deleted: false,
    ...fields,
  });
}

/** A new tab on the machine (a new worker): nobody signed in until it signs in or reopens its tab key. */
export function openTab(runtime: LabRuntime): EngineApi {
  return createEngineApi(runtime);
}

/** A tab with this student signed in. */
export async function signedInTab(runtime: LabRuntime, student: TestStudent): Promise<EngineApi> {
  const api = openTab(runtime);
  const outcome = await api.signInLearner({ learnerId: student.id, birthDate: student.birthDate });
  if (!outcome.ok) throw new Error(`sign-in of ${student.id} failed: ${outcome.reason}`);
  return api;
}
