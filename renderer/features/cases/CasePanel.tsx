import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { useCasesOfContact, useServiceItems } from '../../data/caseHooks.ts';
import { openCase } from '../../data/caseOperations.ts';
import type { ContactRow } from '../../data/db.ts';
import { invalid } from '../../data/operations.ts';
import { useAction } from '../contact/useAction.ts';
import { CaseCard } from './CaseCard.tsx';

/** The cases opened from a contact, and opening a new one for a catalog item. */
export function CasePanel({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const cases = useCasesOfContact(db, contact.contactId) ?? [];
  const items = (useServiceItems(db) ?? []).filter((i) => i.item.active);
  const { errors, busy, run } = useAction();
  const [itemId, setItemId] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Title order={5}>{t('cases.open')}</Title>
      {cases.map((row) => (
        <CaseCard key={row.caseId} row={row} staff={staff} />
      ))}
      <Text size="xs" c="dimmed">
        {t('cases.openCaseHint')}
      </Text>
      <Group align="flex-end" wrap="nowrap">
        <Select
          style={{ flex: 1 }}
          label={t('cases.serviceItem')}
          data={items.map((i) => ({ value: i.item.id, label: i.item.name }))}
          value={itemId}
          onChange={setItemId}
          searchable
          error={errors.serviceItemId}
        />
        <Button
          loading={busy}
          onClick={() =>
            void run(() =>
              itemId
                ? openCase(db, author, contact.contactId, itemId)
                : Promise.reject(invalid('serviceItemId', 'serviceItemRequired')),
            )
          }
        >
          {t('cases.openCase')}
        </Button>
      </Group>
      {errors.form && <Alert color="red">{errors.form}</Alert>}
    </Stack>
  );
}
