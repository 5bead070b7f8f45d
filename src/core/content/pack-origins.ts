/**
 * Where each item of a compiled pack came from: which authored input (its index in the list given to
 * compileBank) and the path inside it. Rules speak of pack paths; authoredPathOf turns one into the path of
 * the authored document, so the Node side can name the file and line. Pack and authored field names are the
 * same except for the few renamed below; a path the authored document lacks (a default, a derived id)
 * points at the nearest authored item instead.
 */

/** A path into a JSON/YAML document: object keys and array indexes. */
export type DocPath = (string | number)[];

export interface Origin {
  /** Index of the authored input. */
  source: number;
  path: DocPath;
}

export interface PackOrigins {
  tubes: Origin[];
  skills: Origin[];
  challenges: Origin[];
  tutorials: Origin[];
}

/** Pack field → authored field, per collection. `null`: derived, point at the item itself. */
const RENAMED: Readonly<Record<keyof PackOrigins, Readonly<Record<string, string | null>>>> = {
  tubes: { competenceId: null },
  skills: { id: 'level', tubeId: null },
  challenges: { skillId: null, locale: null },
  tutorials: { skillIds: 'skills', tubeId: null },
};

function isCollection(key: string | number | undefined): key is keyof PackOrigins {
  return key === 'tubes' || key === 'skills' || key === 'challenges' || key === 'tutorials';
}

export function authoredPathOf(origins: PackOrigins, packPath: DocPath): Origin | null {
  const [collection, index, field, ...rest] = packPath;
  if (!isCollection(collection) || typeof index !== 'number') return null;
  const origin = origins[collection][index];
  if (!origin) return null;
  if (field === undefined) return origin;
  if (collection === 'tubes' && field === 'competenceId') return { source: origin.source, path: ['competence'] };
  const renamed = typeof field === 'string' ? RENAMED[collection][field] : undefined;
  if (renamed === null) return origin;
  const key = renamed ?? field;
  if (collection === 'challenges' && key === 'illustration' && rest[0] === 'url') {
    return { source: origin.source, path: [...origin.path, 'illustration', 'file'] };
  }
  if (collection === 'challenges' && key === 'attachments') {
    // An authored attachment is a plain path; its name, url and media type all come from it.
    return { source: origin.source, path: [...origin.path, key, ...rest.slice(0, 1)] };
  }
  return { source: origin.source, path: [...origin.path, key, ...rest] };
}
