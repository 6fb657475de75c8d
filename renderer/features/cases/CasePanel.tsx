import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INTAKES, type Intake } from '../../../shared/model/caseEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { today } from '../../data/calendar.ts';
import { useCasesOfContact, useServiceItems } from '../../data/caseHooks.ts';
import { openCase, openCaseDefaults } from '../../data/caseOperations.ts';
import type { ContactRow } from '../../data/db.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { CaseCard } from './CaseCard.tsx';
import { caseFieldErrors } from './caseErrors.ts';

/** The cases opened from a contact, and opening a new one for a catalog item. */
export function CasePanel({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const cases = useCasesOfContact(db, contact.contactId) ?? [];
  const items = (useServiceItems(db) ?? []).filter((i) => i.item.active);
  const defaults = openCaseDefaults(contact);
  // art. 11 立即 / 行政许可法 §32: in person or left for review decides when a supplement is due; one arrow key turns it.
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: {
      serviceItemId: null as string | null,
      intake: defaults.intake as Intake,
      receivedOn: defaults.receivedOn as string,
    },
    wording: caseFieldErrors,
    check: (v) => ({ serviceItemId: v.serviceItemId ? undefined : 'serviceItemRequired' }),
  });
  const { intake } = form.getValues();
  return (
    <Stack gap="xs">
      <Title order={5}>{t('cases.open')}</Title>
      {cases.map((row) => (
        <CaseCard key={row.caseId} row={row} staff={staff} />
      ))}
      <Text size="xs" c="dimmed">
        {t('cases.openCaseHint')}
      </Text>
      <Select
        label={t('cases.serviceItem')}
        data={items.map((i) => ({ value: i.item.id, label: i.item.name }))}
        {...field('serviceItemId')}
        searchable
      />
      <Group align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" fw={500} id="case-intake-label">
            {t('cases.intake.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="case-intake-label"
            {...form.getInputProps('intake')}
            data={INTAKES.map((i) => ({ value: i, label: t(`cases.intake.${i}`) }))}
          />
        </Stack>
        <TextInput type="date" label={t('cases.receivedOn')} max={today()} {...form.getInputProps('receivedOn')} />
        <Button
          loading={busy}
          onClick={() =>
            void submit(
              (v) =>
                openCase(db, author, contact.contactId, v.serviceItemId ?? '', {
                  intake: v.intake,
                  receivedOn: v.receivedOn as IsoDate,
                }),
              { keep: true },
            )
          }
        >
          {t('cases.openCase')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t(`cases.intakeHint.${intake}`)}
      </Text>
      {formError && <Alert color="red">{formError}</Alert>}
    </Stack>
  );
}
