import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { useServiceItems } from '../../data/caseHooks.ts';
import type { ContactRow } from '../../data/db.ts';

/**
 * art. 10: the answer text for a contact whose checklist was given — citing the item and the catalog version told,
 * so the record says exactly what the visitor received. Null until a checklist was given.
 */
export function useChecklistAnswer(contact: ContactRow): { label: string; text: string } | null {
  const { t } = useTranslation();
  const { db } = useDesk();
  const items = useServiceItems(db) ?? [];
  const last = contact.checklists.at(-1);
  if (!last) return null;
  const item = items.find((i) => i.item.id === last.serviceItemId)?.item.name ?? last.serviceItemId;
  return {
    label: t('contact.answerFromChecklist', { item }),
    text: t('contact.checklistAnswer', { item, rev: last.catalogRev }),
  };
}
