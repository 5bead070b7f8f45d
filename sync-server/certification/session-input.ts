/** What an invigilator types for a session ("Créer une session"), checked with French messages ([CERT-14]). */
import { HttpError } from '../http-error.ts';

export interface SessionInput {
  room: string;
  address: string;
  /** yyyy-mm-dd. */
  date: string;
  /** hh:mm. */
  time: string;
  examiner: string;
  description: string;
}

function invalid(message: string): HttpError {
  return new HttpError(400, 'bad_request', `Requête invalide : ${message}`);
}

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === iso;
}

/** Trimmed fields, or a 400 naming the first one that is wrong. */
export function checkSessionInput(input: SessionInput): SessionInput {
  const trimmed = {
    room: input.room.trim(),
    address: input.address.trim(),
    date: input.date.trim(),
    time: input.time.trim(),
    examiner: input.examiner.trim(),
    description: input.description.trim(),
  };
  if (trimmed.room === '') throw invalid('la salle est obligatoire.');
  if (trimmed.address === '') throw invalid("l'adresse est obligatoire.");
  if (!isRealDate(trimmed.date)) throw invalid('la date doit être une date réelle (aaaa-mm-jj).');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(trimmed.time)) throw invalid("l'heure doit être au format hh:mm.");
  if (trimmed.examiner === '') throw invalid('le nom du surveillant est obligatoire.');
  return trimmed;
}
