import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../data/db.ts';

/** How the case ended (or what a leader overruled on the way): the record of each "no", withdrawal and closure. */
export function CaseEnding({ row, name }: { row: CaseRow; name: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      {row.rejectionProposals
        .filter((p) => p.decision === 'overruled')
        .map((p) => (
          <Text size="xs" c="dimmed" key={p.eventId}>
            {t('cases.rejectionOverruled', { name: name(p.decidedBy ?? ''), note: p.decisionNote ?? '' })}
          </Text>
        ))}
      {row.rejection && (
        <Alert color="red" title={t('cases.status.rejected')}>
          {row.rejection.reason}（{t('cases.legalBasis')}：{row.rejection.legalBasis}）
          {row.rejection.approvedBy && (
            <Text size="xs" mt={4}>
              {t('cases.rejectionApproved', { name: name(row.rejection.approvedBy) })}
            </Text>
          )}
        </Alert>
      )}
      {row.withdrawal && (
        <Alert color="gray" title={t('cases.status.withdrawn')}>
          {t('cases.withdrawn', {
            date: row.withdrawal.on,
            how: t(`cases.withdrawHows.${row.withdrawal.how}`, { defaultValue: row.withdrawal.how }),
          })}
          {row.withdrawal.reason ? `：${row.withdrawal.reason}` : ''}
        </Alert>
      )}
      {row.closure && (
        <Alert color="gray" title={t('cases.status.closed')}>
          {t('cases.closed', {
            date: row.closure.on,
            reason: t(`cases.closeReasons.${row.closure.reason}`, { defaultValue: row.closure.reason }),
          })}
          <Text size="sm">{row.closure.note}</Text>
        </Alert>
      )}
      {row.completion && (
        <Alert color="teal" title={`${t(`cases.outcomes.${row.completion.outcome}`)} · ${row.completion.completedOn}`}>
          {row.completion.result}
        </Alert>
      )}
    </>
  );
}
