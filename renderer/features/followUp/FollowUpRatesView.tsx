import { Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import type { Rate } from '../../../shared/rules/rates.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useSatisfactionRates } from '../../data/followUpBoardHooks.ts';
import { useDirectory } from '../../data/hooks.ts';
import type { AllRates, RatesGroup } from '../../data/satisfactionRates.ts';
import { rateParts, thisMonth } from './followUpBoardFilter.ts';

/** Every published rate (shared/rules/rates.ts), in this order on every table. */
const RATES = [
  'goodRate',
  'proactiveGoodRate',
  'badRate',
  'unratedRate',
  'badFollowedUpRate',
  'rectifiedRate',
  'rectificationSatisfiedRate',
  'followUpCoverage',
  'followUpOnTime',
] as const satisfies readonly (keyof AllRates)[];

/** 统计: the rates of a period (this month by default) for the bureau, per department and per staff member. */
export function FollowUpRatesView({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const day = today();
  const [period, setPeriod] = useState(() => thisMonth(day));
  const valid = period.from !== '' && period.to !== '' && period.from <= period.to;
  const report = useSatisfactionRates(db, calendar, day, valid ? period : undefined);
  const directory = useDirectory(db);
  // A department head sees their own department and its staff; leaders and supervisors see every group.
  const seesAll = staff.roles.includes('leader') || staff.roles.includes('supervisor');
  const maySee = (departmentId: string | undefined) => seesAll || departmentId === staff.departmentId;
  const unknown = t('followUpBoard.rates.unknown');
  const staffName = (id: string) => directory?.staffById.get(id)?.name ?? (id || unknown);
  const departmentName = (id: string) => directory?.departments.find((d) => d.id === id)?.name ?? (id || unknown);
  return (
    <Paper withBorder p="sm">
      <Group gap="md" mb="xs" align="flex-start">
        <TextInput
          type="date"
          size="xs"
          label={t('followUpBoard.rates.from')}
          value={period.from}
          onChange={(e) => setPeriod((p) => ({ ...p, from: e.currentTarget.value }))}
        />
        <TextInput
          type="date"
          size="xs"
          label={t('followUpBoard.rates.to')}
          value={period.to}
          onChange={(e) => setPeriod((p) => ({ ...p, to: e.currentTarget.value }))}
          error={valid ? undefined : t('followUpBoard.rates.badPeriod')}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('followUpBoard.rates.basis')}
      </Text>
      {report && valid && (
        <>
          <RatesTable
            title={t('followUpBoard.rates.bureau')}
            groups={[{ id: 'bureau', rates: report.bureau }]}
            name={() => t('followUpBoard.rates.bureauRow')}
          />
          <RatesTable
            title={t('followUpBoard.rates.byDepartment')}
            groups={report.byDepartment.filter((g) => maySee(g.id))}
            name={departmentName}
          />
          <RatesTable
            title={t('followUpBoard.rates.byStaff')}
            groups={report.byStaff.filter((g) => maySee(directory?.staffById.get(g.id)?.departmentId))}
            name={staffName}
          />
        </>
      )}
    </Paper>
  );
}

function RatesTable(props: { title: string; groups: readonly RatesGroup[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={6} mt="sm" mb={4}>
        {props.title}
      </Title>
      {props.groups.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('followUpBoard.rates.nothing')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={4} aria-label={props.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {RATES.map((key) => (
                  <Table.Th key={key}>{t(`followUp.rate.${key}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.groups.map((g) => (
                <Table.Tr key={g.id} data-testid={`rates-row-${g.id}`}>
                  <Table.Td>{props.name(g.id)}</Table.Td>
                  {RATES.map((key) => (
                    <Table.Td key={key} data-rate={key}>
                      <RateCell rate={g.rates[key]} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

/** "92.3 %（24/26）"; — when nothing is counted (never 0 %). */
function RateCell({ rate }: { rate: Rate }) {
  const { t } = useTranslation();
  const parts = rateParts(rate);
  return <>{parts ? t('followUpBoard.rates.value', parts) : t('followUp.rate.none')}</>;
}
