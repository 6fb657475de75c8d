import { z } from 'zod';
import { paperFormatSchema, type PaperFormat } from '../../shared/model/slip.ts';
import type { DeskDb } from './db.ts';

// This desk's print settings: which paper it prints slips on, and to which printer (none → the system dialog).
// Per desk, not per person or bureau: the printer is the one on this counter. Kept in the desk database's meta.

const KEY = 'slipSettings';

export const slipSettingsSchema = z.object({
  format: paperFormatSchema,
  /** The printer's system name; absent → ask each time (system dialog). */
  printerName: z.string().trim().min(1).max(300).optional(),
});
export type SlipSettings = z.infer<typeof slipSettingsSchema>;

export const DEFAULT_SLIP_SETTINGS: SlipSettings = { format: 'a4' };

export async function readSlipSettings(db: DeskDb): Promise<SlipSettings> {
  const parsed = slipSettingsSchema.safeParse((await db.meta.get(KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_SLIP_SETTINGS;
}

export async function saveSlipSettings(
  db: DeskDb,
  settings: { format: PaperFormat; printerName?: string | null | undefined },
): Promise<SlipSettings> {
  const value = slipSettingsSchema.parse({
    format: settings.format,
    ...(settings.printerName ? { printerName: settings.printerName } : {}),
  });
  await db.meta.put({ key: KEY, value });
  return value;
}
