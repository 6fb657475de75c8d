import { Accordion, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import { correctContact } from '../../data/operations.ts';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

/** Nothing is edited in place: a correction is a new event with its reason, shown on the timeline. */
export function CorrectionForm({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: {
      matter: contact.matter,
      name: contact.visitor.name ?? '',
      organisation: contact.visitor.organisation ?? '',
      reason: '',
    },
  });
  return (
    <Accordion variant="contained">
      <Accordion.Item value="correct">
        <Accordion.Control>{t('contact.correct')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <TextInput
              label={t('register.visitorName')}
              maxLength={LIMITS.personName}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('register.organisation')}
              maxLength={LIMITS.organisation}
              {...form.getInputProps('organisation')}
            />
            <Textarea
              label={t('register.matter')}
              maxLength={LIMITS.matter}
              {...form.getInputProps('matter')}
              autosize
              minRows={2}
            />
            <TextInput
              label={t('contact.correctionReason')}
              maxLength={LIMITS.reason}
              {...form.getInputProps('reason')}
            />
            <FormSubmit
              variant="light"
              formError={formError}
              busy={busy}
              onClick={() =>
                void submit(
                  (v) => {
                    const visitorChanged =
                      v.name !== (contact.visitor.name ?? '') ||
                      v.organisation !== (contact.visitor.organisation ?? '');
                    return correctContact(db, author, contact.contactId, {
                      matter: v.matter !== contact.matter ? v.matter : undefined,
                      visitor: visitorChanged ? { name: v.name, organisation: v.organisation } : undefined,
                      reason: v.reason,
                    });
                  },
                  { keep: true },
                )
              }
            >
              {t('contact.saveCorrection')}
            </FormSubmit>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
