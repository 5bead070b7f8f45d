/**
 * The online flag each open position of a test was first chosen with ([REPLAY-1]). The flag that chose the
 * challenge on screen must be the one recorded with its answer: if connectivity changes between showing a
 * challenge and answering it, the submit still checks (and records) the choice under the flag it was shown with.
 * Memory only: after a worker restart the position is chosen again with the current flag, and the screen asks for
 * that challenge again (a submit for another one is 'not-current').
 */
export class ChoiceFlags {
  /** One entry per open assessment: its next position and that position's flag. */
  private readonly open = new Map<string, { index: number; online: boolean }>();

  constructor(private readonly isOnline: () => boolean) {}

  /** The flag of `index` in `assessmentId`: the one it was first chosen with, else the machine's state now. */
  flagFor(assessmentId: string, index: number): boolean {
    const entry = this.open.get(assessmentId);
    if (entry?.index === index) return entry.online;
    const online = this.isOnline();
    this.open.set(assessmentId, { index, online });
    return online;
  }

  /** A test that ended or closed keeps nothing here. */
  forget(assessmentId: string): void {
    this.open.delete(assessmentId);
  }
}
