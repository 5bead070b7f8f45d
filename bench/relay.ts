/**
 * `npm run bench:relay`: the real relay process under many lab machines, on SQLite and (when TEST_DATABASE_URL is
 * set) on PostgreSQL side by side, in a `pixlab_bench` database it drops and recreates; figures go to BENCHMARKS.md,
 * section `relay`.
 *
 * - Ingest, saturated: 400 enrolled machines (20 labs × 20, all in the demo school: one organisation is the worst
 *   case, since writes are serialised per organisation) each push PUSHES_PER_DEVICE batches of BATCH answers, one
 *   push in flight per machine, as fast as the relay answers; SATURATED_ROUNDS rounds, the median reported. Gives
 *   answers/s; latency there is queueing (Little's law: 400 in flight / rate).
 * - Ingest, paced: the same machines offer PACED_RATES answers/s; latency counts from the moment a push was due,
 *   so a relay that falls behind shows it instead of slowing the offered load down.
 * - Catch-up: 20 machines come back with 40 unsent answers each, pushed in the real client's batches (PUSH_BATCH);
 *   time until a pull shows all 800 on the relay.
 *
 * The load runs in this process on the same machine (node:http, keep-alive) and takes CPU from the relay.
 * `-- --dry-run` leaves BENCHMARKS.md alone; `-- --profile` writes CPU profiles of the relay and prints where its
 * time goes; `-- --orgs=20` spreads the labs over 20 organisations; `-- --only=sqlite|postgres` runs one backend. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../sync-server/store/postgres/postgres-store.ts';
import { SqliteStore } from '../sync-server/store/sqlite/sqlite-store.ts';
import type { Store } from '../sync-server/store/store.ts';
import { PUSH_BATCH } from '../workers/sync/replicate.ts';
import { writeBenchSections } from './benchmarks-file.ts';
import { ms, percentile } from './machine.ts';
import { freePort, startRelay } from './relay-process.ts';
import type { RelayProcess } from './relay-process.ts';

const LABS = 20;
const MACHINES_PER_LAB = 20;
const DEVICES = LABS * MACHINES_PER_LAB;
const BATCH = 10;
const PUSHES_PER_DEVICE = 10;
const SATURATED_ROUNDS = 3;
const TARGET_RATE = 5_000;
/** Offered loads of the paced runs: below, near and at the target, to see where latency starts to climb. */
const PACED_RATES = [1_000, 2_500, TARGET_RATE];
const PACED_SECONDS = 6;
const CATCH_UP_DEVICES = 20;
const CATCH_UP_ANSWERS = 40;
const BENCH_DATABASE = 'pixlab_bench';
const PROFILE = process.argv.includes('--profile');
/**
 * `--orgs=n` spreads the 20 labs over n schools (organisations) instead of one; PostgreSQL serialises writes per
 * organisation, so this shows what that lock costs.
 */
/** `--only=sqlite` or `--only=postgres` runs one backend (trial runs; BENCHMARKS.md wants both). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;
const ORGANIZATIONS = Math.max(1, Number(process.argv.find((a) => a.startsWith('--orgs='))?.slice('--orgs='.length) ?? 1) || 1);
/** Prints the figures without touching BENCHMARKS.md (trial runs). */
const DRY_RUN = process.argv.includes('--dry-run');
/**
 * Extra Node options for the relay process, for experiments without editing the relay, e.g.
 * RELAY_NODE_ARGS="--import tsx --import ./patch.mjs" (a patch importing .ts needs tsx first).
 */
const EXTRA_NODE_ARGS = (process.env.RELAY_NODE_ARGS ?? '').split(' ').filter(Boolean);

type Doc = Record<string, unknown>;

interface Reply {
  status: number;
  body: string;
}

/**
 * One connection per machine, kept alive like a browser's. maxFreeSockets too: with Node's default (256), 144
 * machines would reconnect after every idle moment and measure TCP set-up under load instead of pushes.
 */
const SOCKETS = DEVICES + CATCH_UP_DEVICES + 10;
const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS, maxFreeSockets: SOCKETS });

function call(baseUrl: string, method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function callJson<T>(baseUrl: string, method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<T> {
  const reply = await call(baseUrl, method, path, token, body);
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.body.slice(0, 300)}`);
  return JSON.parse(reply.body) as T;
}

interface Machine {
  index: number;
  deviceId: string;
  token: string;
  /** Learner ids of the machine's organisation are this prefix + 01…25. */
  learnerPrefix: string;
}

interface School {
  teacherEmail: string;
  learnerPrefix: string;
}

const DEMO_SCHOOL: School = { teacherEmail: 'enseignant@demo.local', learnerPrefix: 'demo-learner-' };

/**
 * Schools 2…n for `--orgs=n`, written through the store interface next to the running relay (SQLite allows a second
 * writer in WAL mode): an organisation, a teacher with the demo password, and 25 learners each.
 */
async function addSchools(store: Store, count: number): Promise<School[]> {
  const demoTeacher = await store.findUserByEmail(DEMO_SCHOOL.teacherEmail);
  if (!demoTeacher) throw new Error('the demo teacher is missing');
  const schools = [DEMO_SCHOOL];
  for (let k = 2; k <= count; k++) {
    const organizationId = `bench-org-${k}`;
    const school = { teacherEmail: `enseignant${k}@bench.local`, learnerPrefix: `${organizationId}-learner-` };
    await store.createOrganization({ id: organizationId, name: `Lycée de banc d'essai ${k}`, uai: `${String(k).padStart(7, '0')}B`, createdAt: 0 });
    await store.createUser({ ...demoTeacher, id: `${organizationId}-teacher`, organizationId, email: school.teacherEmail, createdAt: 0 });
    await store.upsertLearners(
      Array.from({ length: 25 }, (_, i) => ({
        id: `${school.learnerPrefix}${String(i + 1).padStart(2, '0')}`,
        organizationId,
        lastName: `ÉLÈVE ${i + 1}`,
        firstName: 'Banc',
        className: '2NDE B',
        birthDate: '2010-01-01',
        nationalId: null,
        active: true,
        updatedAt: 0,
      })),
    );
    schools.push(school);
  }
  return schools;
}

/** Machine `index` belongs to lab index / MACHINES_PER_LAB; labs are spread over the schools in turn. */
async function enrol(baseUrl: string, schools: { school: School; token: string }[], count: number, from: number): Promise<Machine[]> {
  const machines: Machine[] = [];
  // A few at a time: enrolment is not what is measured.
  for (let i = 0; i < count; i += 8) {
    const group = Array.from({ length: Math.min(8, count - i) }, (_, k) => from + i + k);
    const enrolled = await Promise.all(
      group.map(async (index) => {
        const lab = Math.floor(index / MACHINES_PER_LAB);
        const { school, token } = schools[lab % schools.length] ?? { school: DEMO_SCHOOL, token: '' };
        const device = await callJson<{ deviceId: string; token: string }>(baseUrl, 'POST', '/api/devices', token, { name: `Labo ${lab + 1} poste ${(index % MACHINES_PER_LAB) + 1}` });
        const machine = { index, ...device, learnerPrefix: school.learnerPrefix };
        // The relay takes answers only into a test it holds ([SYNC-OWN-2]): each machine's test goes first.
        await callJson<unknown[]>(baseUrl, 'POST', '/api/replication/assessments/push', machine.token, [{ newDocumentState: benchTest(machine), assumedMasterState: null }]);
        return machine;
      }),
    );
    machines.push(...enrolled);
  }
  return machines;
}

function learnerOf(machine: Machine): string {
  return `${machine.learnerPrefix}${String((machine.index % 25) + 1).padStart(2, '0')}`;
}

/** The one test a machine's answers belong to. */
function benchTest(machine: Machine): Doc {
  return {
    id: `bench-as-${machine.index}`,
    kind: 'campaign',
    learnerId: learnerOf(machine),
    campaignId: 'bench-campaign',
    competenceId: null,
    sessionId: null,
    state: 'started',
    startedAt: 1_767_225_600_000,
    completedAt: null,
    sharedAt: null,
    deviceId: machine.deviceId,
    contentVersion: '0123456789abcdef',
    priorChallengeIds: [],
    _deleted: false,
  };
}

function answers(machine: Machine, phase: string, first: number, count: number): Doc[] {
  const learner = learnerOf(machine);
  return Array.from({ length: count }, (_, k) => {
    const n = first + k;
    return {
      id: `${phase}-${machine.index}-${n}`,
      assessmentId: `bench-as-${machine.index}`,
      learnerId: learner,
      challengeId: `rec${machine.index}x${n}`,
      value: n % 3 === 0 ? { kind: 'fields', fields: { reponse: `réponse ${n}` } } : { kind: 'choice', selected: [1 + (n % 4)] },
      result: n % 2 === 0 ? 'ok' : 'ko',
      timeSpentMs: 10_000 + n,
      answeredAt: 1_767_225_600_000 + n * 1000,
      deviceId: machine.deviceId,
      index: n,
      online: true,
      updatedAt: 0,
      _deleted: false,
    };
  });
}

async function push(baseUrl: string, machine: Machine, docs: Doc[]): Promise<void> {
  const conflicts = await callJson<unknown[]>(baseUrl, 'POST', '/api/replication/answers/push', machine.token, docs.map((d) => ({ newDocumentState: d, assumedMasterState: null })));
  if (conflicts.length > 0) throw new Error(`push of machine ${machine.index}: ${conflicts.length} conflict(s)`);
}

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

interface IngestFigures {
  answers: number;
  pushes: number;
  seconds: number;
  latencies: number[];
  /** Pushes that came due while the machine's previous push was still out (paced runs only). */
  late: number;
  /** CPU seconds the relay process and this load generator used during the run. */
  relayCpu: number;
  loadCpu: number;
}

type Run = Omit<IngestFigures, 'relayCpu' | 'loadCpu' | 'seconds'>;

/** User + system CPU seconds of a process so far, from /proc (Linux; NaN elsewhere). USER_HZ is 100 on Linux. */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function measured(relay: RelayProcess, run: () => Promise<Run>): Promise<IngestFigures> {
  const relayBefore = processCpuSeconds(relay.child.pid);
  const loadBefore = process.cpuUsage();
  const started = performance.now();
  const figures = await run();
  const seconds = (performance.now() - started) / 1000;
  const load = process.cpuUsage(loadBefore);
  return { ...figures, seconds, relayCpu: processCpuSeconds(relay.child.pid) - relayBefore, loadCpu: (load.user + load.system) / 1e6 };
}

/** Every machine pushes back to back, one push in flight each. */
async function ingestSaturated(baseUrl: string, machines: Machine[], phase: string, pushes: number): Promise<Run> {
  const latencies: number[] = [];
  await Promise.all(
    machines.map(async (machine) => {
      for (let p = 0; p < pushes; p++) {
        const sent = performance.now();
        await push(baseUrl, machine, answers(machine, phase, p * BATCH, BATCH));
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return { answers: machines.length * pushes * BATCH, pushes: machines.length * pushes, latencies, late: 0 };
}

/**
 * Each machine pushes on a fixed schedule (staggered); a push that comes due while the previous one is still out
 * waits for it (a client has one push in flight), and its latency counts from when it was due, so a relay that
 * falls behind shows it instead of slowing the offered load down.
 */
async function ingestPaced(baseUrl: string, machines: Machine[], ratePerSecond: number, seconds: number): Promise<Run> {
  const periodMs = (machines.length * BATCH * 1000) / ratePerSecond;
  const pushes = Math.max(1, Math.round((seconds * 1000) / periodMs));
  const latencies: number[] = [];
  let late = 0;
  const started = performance.now();
  await Promise.all(
    machines.map(async (machine, i) => {
      const offset = (i * periodMs) / machines.length;
      for (let p = 0; p < pushes; p++) {
        const due = started + offset + p * periodMs;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        else if (wait < -1) late++;
        await push(baseUrl, machine, answers(machine, `paced${ratePerSecond}`, p * BATCH, BATCH));
        latencies.push(performance.now() - due);
      }
    }),
  );
  return { answers: machines.length * pushes * BATCH, pushes: machines.length * pushes, latencies, late };
}

async function lastSeq(baseUrl: string, token: string): Promise<number> {
  let seq = 0;
  for (;;) {
    const page = await callJson<{ documents: Doc[]; checkpoint: { seq: number } }>(baseUrl, 'GET', `/api/replication/answers/pull?seq=${seq}&limit=1000`, token);
    if (page.documents.length === 0) return seq;
    seq = page.checkpoint.seq;
  }
}

/** Machines back online push their backlog in the client's batch size; done when a pull shows every answer. */
async function catchUp(baseUrl: string, machines: Machine[], reader: string): Promise<{ ms: number; pushes: number; pulled: number }> {
  const since = await lastSeq(baseUrl, reader);
  const backlog = new Map(machines.map((m) => [m, answers(m, 'catchup', 0, CATCH_UP_ANSWERS)]));
  const expected = new Set([...backlog.values()].flat().map((d) => String(d.id)));
  let pushes = 0;
  const started = performance.now();
  await Promise.all(
    machines.map(async (machine) => {
      const docs = backlog.get(machine) ?? [];
      for (let i = 0; i < docs.length; i += PUSH_BATCH) {
        pushes++;
        await push(baseUrl, machine, docs.slice(i, i + PUSH_BATCH));
      }
    }),
  );
  let seq = since;
  let pulled = 0;
  while (pulled < expected.size) {
    const page = await callJson<{ documents: Doc[]; checkpoint: { seq: number } }>(baseUrl, 'GET', `/api/replication/answers/pull?seq=${seq}&limit=1000`, reader);
    if (page.documents.length === 0) throw new Error(`catch-up: the relay holds ${pulled} of ${expected.size} answers`);
    pulled += page.documents.filter((d) => expected.has(String(d.id))).length;
    seq = page.checkpoint.seq;
  }
  return { ms: performance.now() - started, pushes, pulled };
}

interface BackendFigures {
  name: string;
  /** The saturated rounds, in the order run. */
  saturated: IngestFigures[];
  paced: { rate: number; figures: IngestFigures }[];
  catchUp: { ms: number; pushes: number; pulled: number };
  profile: string | null;
}

/** The admin URL's database swapped for the bench's own, recreated empty: never the tables tests use. */
async function recreateBenchDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

async function dropBenchDatabase(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, node internals, or a file of ours. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName || '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const inModules = url.split('node_modules/')[1];
  if (inModules) return inModules.split('/').slice(0, inModules.startsWith('@') ? 2 : 1).join('/');
  return url;
}

/**
 * Self time by area (package or file) and inclusive time by function of ours, from a V8 .cpuprofile of the whole
 * relay run. Time blocked in a synchronous call (better-sqlite3's fsync at COMMIT) counts as that call's.
 */
function summariseProfile(dir: string): string {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return '(no profile written)';
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const cwd = `${process.cwd()}/`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const frame = byId.get(id)?.callFrame;
    const area = areaOf(frame?.url.replace('file://', '').replace(cwd, '') ?? '', frame?.functionName ?? '');
    self.set(area, (self.get(area) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      const url = f?.url.replace('file://', '').replace(cwd, '') ?? '';
      if (!f?.functionName || !(url.startsWith('sync-server/') || url.includes('better-sqlite3') || url.includes('secure-json-parse'))) continue;
      seen.add(`${f.functionName} (${url.replace(/^.*node_modules\//, '')})`);
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `whole run, ${(total / 1e6).toFixed(1)} s sampled\nself time by area:\n${top(self, 12)}\ninclusive time, relay and driver functions:\n${top(inclusive, 25)}`;
}

async function benchBackend(name: string, env: Record<string, string>, dataDir: string, openStore: () => Store, profile: boolean): Promise<BackendFigures> {
  const profileDir = join(dataDir, 'profile');
  const relay: RelayProcess = await startRelay({
    port: await freePort(),
    dataDir,
    env: { DEMO: 'on', DIST_DIR: join(dataDir, 'no-dist'), ...env },
    nodeArgs: [...EXTRA_NODE_ARGS, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
  });
  const say = (text: string) => process.stdout.write(`bench:relay ${name}: ${text}\n`);
  try {
    const baseUrl = relay.url;
    let schools = [DEMO_SCHOOL];
    if (ORGANIZATIONS > 1) {
      const store = openStore();
      try {
        schools = await addSchools(store, ORGANIZATIONS);
      } finally {
        await store.close();
      }
    }
    const signedIn = [];
    for (const school of schools) {
      const { token } = await callJson<{ token: string }>(baseUrl, 'POST', '/api/auth/login', null, { email: school.teacherEmail, password: 'demo-pass-2026' });
      signedIn.push({ school, token });
    }
    const machines = await enrol(baseUrl, signedIn, DEVICES, 0);
    const returning = await enrol(baseUrl, signedIn.slice(0, 1), CATCH_UP_DEVICES, DEVICES);
    say(`${machines.length + returning.length} machines enrolled`);
    // Warm-up: JIT, prepared statements, connection pool, one open connection per machine.
    await ingestSaturated(baseUrl, machines, 'warmup', 1);
    const saturated: IngestFigures[] = [];
    for (let round = 0; round < SATURATED_ROUNDS; round++) {
      const figures = await measured(relay, () => ingestSaturated(baseUrl, machines, `ingest${round}`, PUSHES_PER_DEVICE));
      say(`saturated round ${round + 1}: ${rate(figures)}, p50 / p99 ${latency(figures)}`);
      saturated.push(figures);
    }
    const paced = [];
    for (const target of PACED_RATES) {
      const figures = await measured(relay, () => ingestPaced(baseUrl, machines, target, PACED_SECONDS));
      say(`paced at ${target}/s: ${rate(figures)}, p50 / p99 ${latency(figures)}`);
      paced.push({ rate: target, figures });
    }
    // A returning machine reads: its own rate-limit budget, not the teacher's (spent on 420 enrolments).
    const caught = await catchUp(baseUrl, returning, returning[0]?.token ?? '');
    say(`catch-up: ${ms(caught.ms, 0)}`);
    await relay.stop();
    return { name, saturated, paced, catchUp: caught, profile: profile ? summariseProfile(profileDir) : null };
  } finally {
    await relay.kill();
  }
}

const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
const answersPerSecond = (f: IngestFigures) => f.answers / f.seconds;
const rate = (f: IngestFigures) => `${Math.round(answersPerSecond(f)).toLocaleString('en-US')} answers/s`;
/** The round with the median rate: on a shared machine one round can be much slower than the others. */
const medianRound = (rounds: IngestFigures[]): IngestFigures => {
  const byRate = [...rounds].sort((a, b) => answersPerSecond(a) - answersPerSecond(b));
  const middle = byRate[Math.floor(byRate.length / 2)];
  if (!middle) throw new Error('no saturated round');
  return middle;
};
const sumRounds = (rounds: IngestFigures[]): IngestFigures =>
  rounds.reduce((sum, r) => ({
    answers: sum.answers + r.answers,
    pushes: sum.pushes + r.pushes,
    seconds: sum.seconds + r.seconds,
    latencies: [...sum.latencies, ...r.latencies],
    late: sum.late + r.late,
    relayCpu: sum.relayCpu + r.relayCpu,
    loadCpu: sum.loadCpu + r.loadCpu,
  }));
const latency = (f: IngestFigures) => `${ms(percentile(sortedCopy(f.latencies), 50))} / ${ms(percentile(sortedCopy(f.latencies), 99))}`;
const cpuPerPush = (f: IngestFigures) => `${ms((1000 * f.relayCpu) / f.pushes, 2)} (load generator ${ms((1000 * f.loadCpu) / f.pushes, 2)})`;

function row(label: string, figures: BackendFigures[], value: (f: BackendFigures) => string, target: string): string {
  return `| ${label} | ${figures.map(value).join(' | ')} | ${target} |`;
}

function markdown(figures: BackendFigures[], skipped: string | null, load: number[]): string {
  const rows = [
    `| figure | ${figures.map((f) => f.name).join(' | ')} | target |`,
    `| --- | ${figures.map(() => '---').join(' | ')} | --- |`,
    row(
      `ingest, saturated: ${DEVICES} machines × ${PUSHES_PER_DEVICE} pushes of ${BATCH} answers, one push in flight each; median of ${SATURATED_ROUNDS} rounds (slowest – fastest)`,
      figures,
      (f) => `${rate(medianRound(f.saturated))} (${f.saturated.map(answersPerSecond).sort((a, b) => a - b).map((r) => Math.round(r).toLocaleString('en-US')).filter((_, i, all) => i === 0 || i === all.length - 1).join(' – ')})`,
      '≥ 5,000 answers/s',
    ),
    row('push latency p50 / p99, saturated, median round (queueing behind 400 machines)', figures, (f) => latency(medianRound(f.saturated)), '—'),
    row('relay CPU per push of 10 answers, saturated, all rounds', figures, (f) => cpuPerPush(sumRounds(f.saturated)), '—'),
  ];
  PACED_RATES.forEach((target, i) => {
    const at = (f: BackendFigures) => f.paced[i]?.figures;
    const label = `paced: ${target.toLocaleString('en-US')} answers/s offered for ${PACED_SECONDS} s`;
    rows.push(
      row(`${label}: achieved`, figures, (f) => { const p = at(f); return p ? rate(p) : '—'; }, '—'),
      row(`${label}: push latency p50 / p99 from when due; pushes due while the previous was out`, figures, (f) => { const p = at(f); return p ? `${latency(p)}; ${p.late} of ${p.pushes}` : '—'; }, target === TARGET_RATE ? 'p99 ≤ 100 ms' : '—'),
    );
  });
  rows.push(row(`catch-up: ${CATCH_UP_DEVICES} machines × ${CATCH_UP_ANSWERS} unsent answers (pushes of up to ${PUSH_BATCH}), until a pull shows all ${CATCH_UP_DEVICES * CATCH_UP_ANSWERS}`, figures, (f) => ms(f.catchUp.ms, 0), '≤ 3 s'));
  return [
    rows.join('\n'),
    '',
    `The real relay process (\`sync-server/server.ts\` through \`tsx\`) with the demo school. ${DEVICES} machines (${LABS} labs × ${MACHINES_PER_LAB}) are enrolled`,
    'with `POST /api/devices`, each with its own token and one keep-alive connection, ' +
      (ORGANIZATIONS === 1
        ? "all in the demo organisation (the worst case on PostgreSQL, which serialises one organisation's writes)."
        : `the labs spread over ${ORGANIZATIONS} organisations (\`--orgs=${ORGANIZATIONS}\`).`),
    'Pushes carry valid `answers` of their organisation\'s learners and no assessments, so no',
    'results are recomputed. The load generator (node:http) runs on the same machine and shares its cores with the relay; load average',
    `at start ${load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min). The catch-up runs after the ingest, on a relay holding ~${Math.round((DEVICES * BATCH * (SATURATED_ROUNDS * PUSHES_PER_DEVICE + 1) + PACED_RATES.reduce((n, r) => n + r * PACED_SECONDS, 0)) / 1000)}k answers.`,
    'SQLite runs with `synchronous = FULL` and group commit: the pushes that arrive in one turn of the event loop share one',
    'transaction (one fsync), each in its own savepoint, and are acknowledged after it; figures still follow the disk.',
    "PostgreSQL groups each organisation's pushes the same way, under the organisation's advisory lock.",
    skipped ? `\nPostgreSQL: ${skipped}` : '',
  ].join('\n');
}

async function main(): Promise<void> {
  const load = loadavg();
  const figures: BackendFigures[] = [];
  if (ONLY !== 'postgres') {
    const sqliteDir = mkdtempSync(join(tmpdir(), 'pixlab-bench-relay-'));
    try {
      figures.push(await benchBackend('SQLite', { DATABASE_URL: '' }, sqliteDir, () => new SqliteStore(join(sqliteDir, 'relay.sqlite')), PROFILE));
    } finally {
      rmSync(sqliteDir, { recursive: true, force: true });
    }
  }
  let skipped: string | null = null;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (ONLY === 'sqlite') {
    skipped = 'not run (--only=sqlite).';
  } else if (!adminUrl) {
    skipped = 'skipped (TEST_DATABASE_URL is not set).';
    process.stdout.write(`bench:relay PostgreSQL ${skipped}\n`);
  } else {
    const pgDir = mkdtempSync(join(tmpdir(), 'pixlab-bench-relay-'));
    try {
      const url = await recreateBenchDatabase(adminUrl);
      figures.push(await benchBackend('PostgreSQL', { DATABASE_URL: url }, pgDir, () => new PostgresStore(url, { max: 2 }), PROFILE));
    } finally {
      await dropBenchDatabase(adminUrl);
      rmSync(pgDir, { recursive: true, force: true });
    }
  }
  agent.destroy();
  const text = markdown(figures, skipped, load);
  process.stdout.write(`${text}\n`);
  for (const f of figures) if (f.profile) process.stdout.write(`\n${f.name} relay CPU profile\n${f.profile}\n`);
  if (!DRY_RUN) writeBenchSections([{ id: 'relay', title: 'Relay: ingest from 400 lab machines, catch-up after an outage', markdown: text }]);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:relay failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
