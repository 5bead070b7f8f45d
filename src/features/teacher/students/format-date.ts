/** "2010-03-14" → "14/03/2010": birth dates are shown as schools write them, whatever the language. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return year && month && day ? `${day}/${month}/${year}` : iso;
}
