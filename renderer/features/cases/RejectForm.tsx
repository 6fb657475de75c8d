import { Accordion, Alert, Button, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyId, StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { proposeRejection } from '../../data/caseEndings.ts';
import type { CaseRow } from '../../data/db.ts';
import { useDirectory } from '../../data/hooks.ts';
import { invalid } from '../../data/operations.ts';
import { useAction } from '../contact/useAction.ts';
import { caseFieldErrors } from './caseErrors.ts';

/**
 * art. 8(二) 说"不"提级管理 + art. 11: 不予受理 is proposed to a leader with its reason, legal basis and the competent
 * agency where relevant; it is final, and its notice printable, only once the leader approves.
 */
export function RejectForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const directory = useDirectory(db);
  const { errors, busy, run } = useAction(caseFieldErrors);
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const leaders = directory?.leaders ?? [];
  const chosen = leaderId ?? leaders[0]?.id ?? null;
  return (
    <Accordion variant="contained">
      <Accordion.Item value="reject">
        <Accordion.Control>{t('cases.reject')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('cases.rejectHint')}
            </Text>
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
              error={errors.competentAgencyId}
              clearable
              allowDeselect
            />
            <Select
              label={t('cases.rejectLeader')}
              data={leaders.map((l) => ({ value: l.id, label: `${l.name}（${l.title}）` }))}
              value={chosen}
              onChange={setLeaderId}
              error={errors.toLeaderId}
            />
            {errors.form && <Alert color="red">{errors.form}</Alert>}
            <Button
              color="red"
              variant="light"
              loading={busy}
              onClick={() =>
                void run(() =>
                  chosen
                    ? proposeRejection(db, author, row.caseId, {
                        toLeaderId: chosen as StaffId,
                        reason,
                        legalBasis,
                        competentAgencyId: (agencyId ?? undefined) as AgencyId | undefined,
                      })
                    : Promise.reject(invalid('toLeaderId', 'leaderRequired')),
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
