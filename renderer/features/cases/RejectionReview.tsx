import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { pendingRejection } from '../../../shared/rules/case.ts';
import { ProvenOnly } from '../../app/ProvenOnly.tsx';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { reviewRejection } from '../../data/caseEndings.ts';
import type { CaseRow } from '../../data/db.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { caseFieldErrors } from './caseErrors.ts';

/** A proposed 不予受理 waiting for a leader: what was proposed, and for a leader the decision (online, proven). */
export function PendingRejection({ row, staff, name }: { row: CaseRow; staff: Staff; name: (id: string) => string }) {
  const { t } = useTranslation();
  const pending = pendingRejection(row);
  if (row.status !== 'rejectionPending' || !pending) return null;
  const mayReview = staff.roles.includes('leader');
  return (
    <Stack gap="xs">
      <Alert color="grape" data-testid="rejection-pending">
        {t('cases.rejectionPending', {
          name: name(pending.toLeaderId),
          reason: pending.reason,
          basis: pending.legalBasis,
        })}
      </Alert>
      {mayReview ? (
        <ProvenOnly staff={staff}>
          <Review row={row} staff={staff} />
        </ProvenOnly>
      ) : (
        <Text size="xs" c="dimmed">
          {t('cases.leaderReviews')}
        </Text>
      )}
    </Stack>
  );
}

function Review({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  // The approval's note and the overrule's reason are two fields; the data layer names the reason `note`.
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { approveNote: '', note: '' },
    wording: caseFieldErrors,
    decision: true,
  });
  return (
    <Stack gap="xs">
      <TextInput label={t('cases.rejectionNote')} maxLength={LIMITS.note} {...form.getInputProps('approveNote')} />
      <Button
        color="red"
        loading={busy}
        onClick={() =>
          void submit((v) => reviewRejection(db, author, row.caseId, { decision: 'approved', note: v.approveNote }), {
            keep: true,
          })
        }
      >
        {t('cases.approveRejection')}
      </Button>
      <Textarea
        label={t('cases.overruleReason')}
        maxLength={LIMITS.reason}
        {...form.getInputProps('note')}
        autosize
        minRows={2}
      />
      {formError && <Alert color="red">{formError}</Alert>}
      <Group>
        <Button
          variant="default"
          loading={busy}
          onClick={() =>
            void submit((v) => reviewRejection(db, author, row.caseId, { decision: 'overruled', note: v.note }), {
              keep: true,
            })
          }
        >
          {t('cases.overruleRejection')}
        </Button>
      </Group>
    </Stack>
  );
}
