/** Calls to the relay's REST API. Components go through stores, which go through here (STYLE.md point 7). */

export interface StaffUser {
  id: string;
  email: string;
  roles: ('admin' | 'member' | 'invigilator')[];
  organizationId: string;
  firstName?: string;
  lastName?: string;
}

export type LoginOutcome = { ok: true; token: string; user: StaffUser } | { ok: false; reason: 'invalid-credentials' | 'unreachable' | 'error' };

export async function loginToRelay(email: string, password: string): Promise<LoginOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401 || response.status === 400) return { ok: false, reason: 'invalid-credentials' };
  if (!response.ok) return { ok: false, reason: response.status >= 502 ? 'unreachable' : 'error' };
  const body = (await response.json()) as { token: string; user: StaffUser };
  return { ok: true, token: body.token, user: body.user };
}
