import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintState } from '../../../shared/rules/complaint.ts';
import { LinkedRecords } from './LinkedRecords.tsx';
import { useNames } from './useNames.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** What was complained of, by whom, about whom: as taken in, never edited. */
export function ComplaintFacts({ state }: { state: ComplaintState }) {
  const { t } = useTranslation();
  const names = useNames();
  const c = state.complainant;
  const accused = [...state.accusedStaffIds.map(names.staff), ...state.accusedDepartmentIds.map(names.department)];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="sm">
        <Fact label={t('complaint.field.channel')}>
          {t(`complaint.channel.${state.channel}`)}
          {state.referenceNo ? `（${state.referenceNo}）` : ''}
        </Fact>
        <Fact label={t('complaint.field.receivedOn')}>
          {state.receivedOn} · {names.staff(state.received.by)}
        </Fact>
        <Fact label={t('complaint.field.complainant')}>
          {c.anonymous ? t('complaint.field.anonymous') : [c.name, c.phone, c.organisation].filter(Boolean).join(' · ')}
        </Fact>
      </SimpleGrid>
      <Fact label={t('complaint.field.accusedStaff')}>{accused.join('、')}</Fact>
      <Paper withBorder p="sm">
        <Text size="xs" c="dimmed">
          {t('complaint.field.account')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-account">
          {state.account}
        </Text>
      </Paper>
      {state.links.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('complaint.field.links')}
          </Text>
          <LinkedRecords links={state.links} label={t('complaint.field.links')} />
        </Stack>
      )}
    </Stack>
  );
}
