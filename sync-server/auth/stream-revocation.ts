/**
 * [AUTH-7] Open event streams must not outlive their token. Revocations made through this relay close them at
 * once (the routes call the hub); this periodic check catches the rest: tokens that expired, devices removed from
 * the database, users or learners gone, and tokens revoked through another relay instance on the same database.
 */
import type { FastifyInstance } from 'fastify';
import type { StreamHub } from '../replication/stream-hub.ts';

/** How often the tokens of open streams are checked again. */
export const STREAM_TOKEN_CHECK_MS = 30_000;

export function watchStreamTokens(
  app: FastifyInstance,
  hub: StreamHub,
  isValid: (tokenHash: string) => Promise<boolean>,
  intervalMs: number = STREAM_TOKEN_CHECK_MS,
): void {
  let running = false;
  const check = async (): Promise<void> => {
    for (const tokenHash of hub.tokenHashes()) {
      if (!(await isValid(tokenHash))) hub.closeToken(tokenHash);
    }
  };
  const timer = setInterval(() => {
    // A slow store must not pile checks up.
    if (running) return;
    running = true;
    void check()
      .catch((error: unknown) => app.log.error({ err: error }, 'checking the tokens of open streams failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  // The check alone must not keep the process alive; it stops with the relay.
  timer.unref();
  app.addHook('preClose', (done) => {
    clearInterval(timer);
    done();
  });
}
