/** "2026-12-08" → "08/12/2026": the session's day as French people write it. */
export function frenchDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}
