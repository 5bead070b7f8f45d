import type { BrowserContext } from '@playwright/test';

/**
 * Moves the engine worker's clock, for tests only, without anything in the production bundle: the worker script is
 * served with one statement in front that shifts `Date.now` (the worker reads time only through it, via
 * LabRuntime.now). `page.clock` does not reach a dedicated worker. Each page load starts a new worker, which takes the
 * shift in force at that moment. Needs a context without a service worker (it would serve the script from its cache).
 */
export class WorkerClock {
  private shiftMs = 0;

  static async install(context: BrowserContext): Promise<WorkerClock> {
    const clock = new WorkerClock();
    await context.route(/\/assets\/engine\.worker-[\w-]+\.js$/, async (route) => {
      const response = await route.fetch();
      const prefix = `{const shift=${clock.shiftMs};const realNow=Date.now.bind(Date);Date.now=()=>realNow()+shift;}\n`;
      await route.fulfill({ response, body: prefix + (await response.text()) });
    });
    return clock;
  }

  /** From the next page load on, the worker believes it is `ms` later than it is. */
  moveBy(ms: number): void {
    this.shiftMs += ms;
  }
}
