import type { z } from 'zod';
import type { materialSchema, serviceItemSchema } from '../../../../shared/model/catalog.ts';

// The shape the demo catalog is written in: an item without what every demo item shares (the consult phone
// is its department's, the complaint hotline is the bureau's, every item is free and published).

type ItemInput = z.input<typeof serviceItemSchema>;
export type ItemDraft = Omit<ItemInput, 'consultPhone' | 'complaintPhone' | 'fee' | 'active'>;
type MaterialInput = z.input<typeof materialSchema>;
type Extra = Pick<MaterialInput, 'notes' | 'sampleRef'>;

/** Where paper applications are handed in: the bureau's window in the city's service centre. */
export const WINDOW = '南阳市市民服务中心 3 楼 C 区 12 号窗口（市科学技术局窗口）';

/** A material every applicant brings. */
export function required(
  id: string,
  name: string,
  originals: number,
  copies: number,
  format: string,
  extra: Extra = {},
): MaterialInput {
  return { id, name, originals, copies, format, requirement: 'required', ...extra };
}

/** A material only some applicants bring; `condition` says who (一次性告知: the applicant must know at once). */
export function conditional(
  id: string,
  name: string,
  originals: number,
  copies: number,
  format: string,
  condition: string,
  extra: Extra = {},
): MaterialInput {
  return { id, name, originals, copies, format, requirement: 'conditional', condition, ...extra };
}
