import { createContext, useContext } from 'react';
import type { DeskDb } from '../data/db.ts';
import type { SyncScheduler } from '../data/scheduler.ts';
import type { Platform } from '../platform/types.ts';

export interface Desk {
  readonly db: DeskDb;
  readonly platform: Platform;
  readonly sync: SyncScheduler;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskContext');
  return desk;
}
