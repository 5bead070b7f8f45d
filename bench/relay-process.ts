/** Starts and stops the real relay process for benchmarks. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface RelayProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startupMs: number;
  stop(): Promise<void>;
}

export async function startRelay(options: { port: number; dataDir: string; env?: Record<string, string> }): Promise<RelayProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts'], {
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
    if (performance.now() > deadline) throw new Error('relay did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startupMs = performance.now() - started;
  return {
    child,
    url,
    startupMs,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
