/** Plain HTTP calls to a relay process (no faults): sign in, enrol machines, read a whole collection. */

type Doc = Record<string, unknown>;

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function login(baseUrl: string, email: string, password = 'demo-pass-2026'): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return (await json<{ token: string }>(response, `login ${email}`)).token;
}

export async function enrolDevice(baseUrl: string, teacherToken: string, name: string): Promise<{ deviceId: string; token: string }> {
  const response = await fetch(`${baseUrl}/api/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${teacherToken}` },
    body: JSON.stringify({ name }),
  });
  return json<{ deviceId: string; token: string }>(response, 'enrol');
}

/** Every document of a collection, page after page by server sequence, as a lab machine catches up. */
export async function pullAll(baseUrl: string, token: string, collection: string, limit = 100): Promise<{ documents: Doc[]; pages: number }> {
  const documents: Doc[] = [];
  let seq = 0;
  for (let pages = 1; ; pages++) {
    const response = await fetch(`${baseUrl}/api/replication/${collection}/pull?seq=${seq}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } });
    const page = await json<{ documents: Doc[]; checkpoint: { seq: number } }>(response, `pull ${collection}`);
    if (page.documents.length === 0) return { documents, pages };
    if (page.checkpoint.seq <= seq) throw new Error(`pull ${collection}: checkpoint went from ${seq} to ${page.checkpoint.seq}`);
    documents.push(...page.documents);
    seq = page.checkpoint.seq;
  }
}
