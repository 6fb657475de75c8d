import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { nightlyOwed, readLastNightlyAt, recordNightlyRun } from '../../../../renderer/data/nightly.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { bureauSettings } from './settingsDoc.ts';

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

const on = (day: number, hours: number, minutes: number) => new Date(2026, 10, day, hours, minutes);

describe('the nightly sync this desk owes', () => {
  it('is nothing before HQ has sent the bureau’s time', async () => {
    expect(await nightlyOwed(db, on(28, 8, 0))).toBe(false);
  });

  it('is owed when the bureau’s time passed since the last nightly run', async () => {
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [bureauSettings('02:30')]));
    await recordNightlyRun(db, on(27, 2, 30));
    expect(await nightlyOwed(db, on(28, 8, 0))).toBe(true);
    await recordNightlyRun(db, on(28, 8, 0));
    expect(await nightlyOwed(db, on(28, 9, 0))).toBe(false);
    expect(await readLastNightlyAt(db)).toMatch(/^2026-11-28T08:00:00\.000[+-]\d\d:\d\d$/);
  });

  it('is owed on a desk that never ran one, once the time is known', async () => {
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [bureauSettings('02:30')]));
    expect(await nightlyOwed(db, on(28, 8, 0))).toBe(true);
  });
});
