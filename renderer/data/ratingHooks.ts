import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDb } from './db.ts';
import { readServiceRating, type ServiceRating } from './ratings.ts';

/**
 * The rating of one service, live: the desk sees it the moment the pad window writes it (Dexie tells every window
 * of the origin about a change). undefined while loading, null before any rating.
 */
export function useServiceRating(db: DeskDb, contactId: string | undefined): ServiceRating | null | undefined {
  return useLiveQuery(() => (contactId ? readServiceRating(db, contactId) : null), [db, contactId]);
}
