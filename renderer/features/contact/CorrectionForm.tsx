import { Accordion, Alert, Button, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import { correctContact } from '../../data/operations.ts';
import { useAction } from './useAction.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

/** Nothing is edited in place: a correction is a new event with its reason, shown on the timeline. */
export function CorrectionForm({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [matter, setMatter] = useState(contact.matter);
  const [name, setName] = useState(contact.visitor.name ?? '');
  const [organisation, setOrganisation] = useState(contact.visitor.organisation ?? '');
  const [reason, setReason] = useState('');
  const visitorChanged = name !== (contact.visitor.name ?? '') || organisation !== (contact.visitor.organisation ?? '');
  return (
    <Accordion variant="contained">
      <Accordion.Item value="correct">
        <Accordion.Control>{t('contact.correct')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <TextInput
              label={t('register.visitorName')}
              maxLength={LIMITS.personName}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label={t('register.organisation')}
              maxLength={LIMITS.organisation}
              value={organisation}
              onChange={(e) => setOrganisation(e.currentTarget.value)}
            />
            <Textarea
              label={t('register.matter')}
              maxLength={LIMITS.matter}
              value={matter}
              onChange={(e) => setMatter(e.currentTarget.value)}
              error={errors.matter}
              autosize
              minRows={2}
            />
            <TextInput
              label={t('contact.correctionReason')}
              maxLength={LIMITS.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
            {errors.form && <Alert color="red">{errors.form}</Alert>}
            <Button
              variant="light"
              loading={busy}
              onClick={() =>
                void run(() =>
                  correctContact(db, author, contact.contactId, {
                    matter: matter !== contact.matter ? matter : undefined,
                    visitor: visitorChanged ? { name, organisation } : undefined,
                    reason,
                  }),
                )
              }
            >
              {t('contact.saveCorrection')}
            </Button>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
