/** Starts and stops the real relay process for benchmarks and fault tests. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export interface RelayProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startupMs: number;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, like a power cut of the relay machine (fault tests). */
  kill(): Promise<void>;
}

export interface StartRelayOptions {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  /** Extra Node options before the script, e.g. `--cpu-prof` for profiling. */
  nodeArgs?: string[];
}

/**
 * A loopback port free right now (the OS picks it), so that a relay can be started — and restarted after a kill —
 * on a known port: startRelay needs the port up front to probe /api/health.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  if (port === 0) throw new Error('no free port');
  return port;
}

async function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  child.kill(signal);
  await exit;
}

export async function startRelay(options: StartRelayOptions): Promise<RelayProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'sync-server/server.ts'], {
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', DATA_DIR: options.dataDir, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = started + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`relay exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('relay did not start within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startupMs = performance.now() - started;
  return {
    child,
    url,
    startupMs,
    stop: () => ended(child, 'SIGTERM'),
    kill: () => ended(child, 'SIGKILL'),
  };
}
