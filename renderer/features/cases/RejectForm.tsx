import { Accordion, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgencyId, StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { proposeRejection } from '../../data/caseEndings.ts';
import type { CaseRow } from '../../data/db.ts';
import { useDirectory } from '../../data/hooks.ts';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm } from '../../forms/useDeskForm.ts';
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
  const leaders = directory?.leaders ?? [];
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: {
      reason: '',
      legalBasis: '',
      competentAgencyId: null as string | null,
      toLeaderId: null as string | null,
    },
    wording: caseFieldErrors,
    check: (v) => ({ toLeaderId: (v.toLeaderId ?? leaders[0]?.id) ? undefined : 'leaderRequired' }),
  });
  // The first leader is proposed until the clerk picks one (the directory may load after the form).
  const leader = field('toLeaderId');
  const chosen = leader.value ?? leaders[0]?.id ?? null;
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
              {...form.getInputProps('reason')}
              autosize
              minRows={2}
            />
            <TextInput
              label={t('cases.legalBasis')}
              maxLength={LIMITS.legalBasis}
              {...form.getInputProps('legalBasis')}
            />
            <Select
              label={t('cases.competentAgency')}
              data={(directory?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
              {...field('competentAgencyId')}
              clearable
              allowDeselect
            />
            <Select
              label={t('cases.rejectLeader')}
              data={leaders.map((l) => ({ value: l.id, label: `${l.name}（${l.title}）` }))}
              {...leader}
              value={chosen}
            />
            <FormSubmit
              color="red"
              variant="light"
              formError={formError}
              busy={busy}
              onClick={() =>
                void submit(
                  (v) =>
                    proposeRejection(db, author, row.caseId, {
                      toLeaderId: (v.toLeaderId ?? leaders[0]?.id) as StaffId,
                      reason: v.reason,
                      legalBasis: v.legalBasis,
                      competentAgencyId: (v.competentAgencyId ?? undefined) as AgencyId | undefined,
                    }),
                  { keep: true },
                )
              }
            >
              {t('cases.saveReject')}
            </FormSubmit>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
