/**
 * Starts the relay: opens the store (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL), applies migrations,
 * seeds the demo school into an empty database unless told not to, listens, and shuts down gracefully.
 */
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { findContentManifest, readContentPack } from './content/shipped-pack.ts';
import { DEMO_CAMPAIGNS } from './demo/demo-campaigns.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD, seedDemoSchool } from './demo/demo-school.ts';
import { openStore } from './store/open-store.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2), process.cwd());
  const store = openStore(config);
  await store.migrate();

  const seeded = config.demo && (await store.isEmpty());
  if (seeded) {
    // The demo campaigns target the skills of the pack the build shipped (none without a build).
    const shipped = findContentManifest([config.distDir]);
    await seedDemoSchool(store, Date.now(), shipped ? readContentPack(shipped.dir, shipped.manifest) : null);
  }

  const app = await buildApp({
    store,
    distDir: config.distDir,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    streamLimits: { total: config.maxEventStreams },
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  });
  await app.listen({ port: config.port, host: config.host });
  // Results the previous run could not compute (stopped between a push and its recomputation) follow shortly.
  app.recompute.startCatchUp((count) => {
    if (count > 0) app.log.warn(`recomputed the results of ${count} assessment(s) left stale by the previous run`);
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  const lines = [`Relais prêt : ${url}  (stockage : ${store.kind})`];
  if (seeded || config.demo) {
    lines.push(`École de démonstration : ${DEMO_ORGANIZATION.name} (UAI ${DEMO_ORGANIZATION.uai})`);
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.role.padEnd(12)} ${account.email}  mot de passe : ${DEMO_PASSWORD}`);
    for (const campaign of DEMO_CAMPAIGNS) lines.push(`  parcours     ${campaign.code}  ${campaign.title}${campaign.multipleSendings && campaign.type === 'ASSESSMENT' ? ' (envoi multiple)' : ''}`);
  }
  process.stdout.write(lines.join('\n') + '\n');

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal} reçu : arrêt du relais…\n`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`Arrêt incomplet : ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Le relais n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
