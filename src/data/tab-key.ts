/**
 * This tab's key for the engine worker's session store ([SESSION-2]): random, kept in sessionStorage, so a reload of
 * the tab finds its student again while another tab (or this one once closed) does not.
 */
const STORAGE_KEY = 'pixlab.tab-key';
let inMemory: string | undefined;

export function tabKey(): string {
  try {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (saved) return saved;
    const created = crypto.randomUUID();
    sessionStorage.setItem(STORAGE_KEY, created);
    return created;
  } catch {
    // No sessionStorage (a locked-down profile): the session lasts as long as this page.
    inMemory ??= crypto.randomUUID();
    return inMemory;
  }
}
