/**
 * Media type of a content file from its extension: the attachment kinds FORMAT.md allows, plus the image
 * kinds an illustration may use. Flat OpenDocument files have registered "-flat-xml" types.
 */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  svg: 'image/svg+xml',
  json: 'application/json',
  xml: 'application/xml',
  ics: 'text/calendar',
  vcf: 'text/vcard',
  py: 'text/x-python',
  js: 'text/javascript',
  fods: 'application/vnd.oasis.opendocument.spreadsheet-flat-xml',
  fodt: 'application/vnd.oasis.opendocument.text-flat-xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export function mediaTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  const extension = dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
  return MEDIA_TYPES[extension] ?? 'application/octet-stream';
}
