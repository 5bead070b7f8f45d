/** A content problem as the CLIs print it: `content/competences/1.1.yaml:42: message`. */
export interface ContentError {
  /** Path relative to the repository root, with '/' separators. */
  file: string;
  /** 1-based; null when the problem has no line (a missing file, an empty document). */
  line: number | null;
  message: string;
}

export function formatContentError(error: ContentError): string {
  return `${error.file}${error.line === null ? '' : `:${error.line}`}: ${error.message}`;
}

export function compareContentErrors(a: ContentError, b: ContentError): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}
