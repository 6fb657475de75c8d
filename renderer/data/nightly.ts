import { missedNightly } from '../../shared/rules/nightly.ts';
import type { DeskDb } from './db.ts';
import { getSettings } from './references.ts';
import { localIso } from './time.ts';

// When this desk last completed its nightly sync (meta), and whether tonight's — or last night's — is still owed.

const KEY = 'lastNightlyAt';

export async function readLastNightlyAt(db: DeskDb): Promise<string | undefined> {
  return (await db.meta.get(KEY))?.value as string | undefined;
}

/** Called after a nightly sync succeeded (not when it failed: then the next run still owes it). */
export async function recordNightlyRun(db: DeskDb, at: Date = new Date()): Promise<void> {
  await db.meta.put({ key: KEY, value: localIso(at) });
}

/**
 * Is a nightly sync owed? The bureau's time comes from the settings HQ sent; before the first pull there is none,
 * and nothing is owed. True when the machine was off, asleep, or the page closed at the scheduled time.
 */
export async function nightlyOwed(db: DeskDb, now: Date = new Date()): Promise<boolean> {
  const settings = await getSettings(db);
  if (!settings) return false;
  const last = await readLastNightlyAt(db);
  return missedNightly(last === undefined ? undefined : new Date(last), settings.nightlySyncAt, now);
}
