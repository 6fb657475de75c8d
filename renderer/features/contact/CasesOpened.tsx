import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { useServiceItems } from '../../data/caseHooks.ts';
import type { ContactRow } from '../../data/db.ts';

/** Item 7: the cases opened for this contact's matter — its disposition (受理/开办件), or links after another one. */
export function CasesOpened({ contact }: { contact: ContactRow }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const items = useServiceItems(db) ?? [];
  if (contact.cases.length === 0) return null;
  const names = contact.cases.map((c) =>
    t('contact.caseItem', { item: items.find((i) => i.item.id === c.serviceItemId)?.item.name ?? c.serviceItemId }),
  );
  return (
    <Alert color="teal" data-testid="contact-cases">
      {t('contact.casesOpened', { items: names.join(t('contact.itemSeparator')) })}
    </Alert>
  );
}
