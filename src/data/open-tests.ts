/**
 * The tests open in this tab, by assessment id (or any key a screen holds). A new app version is never applied
 * while one is open (ARCHITECTURE.md): src/pwa follows this set. Fed by the engine client (a test is open from the
 * moment the engine starts or resumes it until the engine says it is over) and by test screens while they are shown.
 */
type Listener = (anyOpen: boolean) => void;

const open = new Set<string>();
const listeners = new Set<Listener>();

function changed(): void {
  const anyOpen = open.size > 0;
  for (const listener of listeners) listener(anyOpen);
}

export const openTests = {
  opened(key: string): void {
    if (open.has(key)) return;
    open.add(key);
    changed();
  },
  closed(key: string): void {
    if (!open.delete(key)) return;
    changed();
  },
  anyOpen(): boolean {
    return open.size > 0;
  },
  /** Calls `listener` at once with the current state, then on every change; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    listener(open.size > 0);
    return () => listeners.delete(listener);
  },
};

/** Marks a test open until the returned function is called (calling it again does nothing). */
export function holdOpenTest(key: string): () => void {
  openTests.opened(key);
  return () => openTests.closed(key);
}
