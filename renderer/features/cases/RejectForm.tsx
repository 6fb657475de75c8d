import { Accordion, Alert, Button, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { rejectCase } from '../../data/caseOperations.ts';
import type { CaseRow } from '../../data/db.ts';
import { useDirectory } from '../../data/hooks.ts';
import { useAction } from '../contact/useAction.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

/** art. 11: not acceptable — the reason, its legal basis, and the competent agency where relevant. */
export function RejectForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const directory = useDirectory(db);
  const { errors, busy, run } = useAction();
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  return (
    <Accordion variant="contained">
      <Accordion.Item value="reject">
        <Accordion.Control>{t('cases.reject')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <Textarea
              label={t('cases.rejectReason')}
              maxLength={LIMITS.explanation}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
            />
            <TextInput
              label={t('cases.legalBasis')}
              maxLength={LIMITS.legalBasis}
              value={legalBasis}
              onChange={(e) => setLegalBasis(e.currentTarget.value)}
              error={errors.legalBasis}
            />
            <Select
              label={t('cases.competentAgency')}
              data={(directory?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={agencyId}
              onChange={setAgencyId}
              clearable
              allowDeselect
            />
            {errors.form && <Alert color="red">{errors.form}</Alert>}
            <Button
              color="red"
              variant="light"
              loading={busy}
              onClick={() =>
                void run(() =>
                  rejectCase(db, author, row.caseId, {
                    reason,
                    legalBasis,
                    competentAgencyId: (agencyId ?? undefined) as AgencyId | undefined,
                  }),
                )
              }
            >
              {t('cases.saveReject')}
            </Button>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
