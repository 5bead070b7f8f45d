/** Signing in a teacher, invigilator or admin: the same answer whether the email exists or not. */
import { decoyHash, verifyPassword } from '../auth/password.ts';
import { issueToken } from '../auth/tokens.ts';
import type { Role, Store } from '../store/store.ts';

export interface LoginResult {
  token: string;
  user: { id: string; email: string; roles: Role[]; organizationId: string; firstName: string; lastName: string };
}

export async function login(store: Store, input: { email: string; password: string }, now: number): Promise<LoginResult | null> {
  const user = await store.findUserByEmail(input.email);
  if (!user) {
    await verifyPassword(input.password, await decoyHash());
    return null;
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return null;
  const token = await issueToken(store, { type: 'user', id: user.id, organizationId: user.organizationId }, now);
  return {
    token,
    user: { id: user.id, email: user.email, roles: user.roles, organizationId: user.organizationId, firstName: user.firstName, lastName: user.lastName },
  };
}
