import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { ContactRow, DeskDb } from './db.ts';
import { contactsOfVisitor, ensureVisitorIndex, searchVisitors, type VisitorMatch } from './visitors.ts';

/**
 * Returning visitors matching what the clerk is typing; re-runs as they type and when contacts change.
 * Also completes any visitor rows still waiting for their pinyin initials (the results update after).
 */
export function useVisitorSearch(db: DeskDb, query: string, limit = 8): VisitorMatch[] | undefined {
  useEffect(() => {
    // A rejection here (pinyin failed to load) is left unhandled on purpose, so the app's global
    // error report shows it; phone and name search keep working meanwhile.
    void ensureVisitorIndex(db);
  }, [db]);
  return useLiveQuery(() => searchVisitors(db, query, limit), [db, query, limit]);
}

/** A visitor's earlier contacts, newest first; undefined while loading or when no visitor is chosen. */
export function useVisitorContacts(db: DeskDb, visitorKey: string | undefined): ContactRow[] | undefined {
  return useLiveQuery(() => (visitorKey ? contactsOfVisitor(db, visitorKey) : undefined), [db, visitorKey]);
}
