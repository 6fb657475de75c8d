import { InvalidEventError } from '../../data/append.ts';

const KNOWN = new Set(['ratingNoSuchService', 'ratingNotServedBy', 'ratingAlreadyGiven']);

/** The i18n key of why a rating could not be recorded; anything unforeseen is 'unknown', never a raw message. */
export function ratingErrorKey(error: unknown): string {
  if (error instanceof InvalidEventError) {
    const known = error.issues.map((i) => i.message).find((m) => KNOWN.has(m));
    if (known) return `rating.errors.${known}`;
  }
  return 'rating.errors.unknown';
}
