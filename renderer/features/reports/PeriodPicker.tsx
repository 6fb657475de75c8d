import { ActionIcon, Group, Input, SegmentedControl, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportGroupBy } from '../../data/reports/client.ts';
import { REPORT_GROUP_BYS, REPORT_MAX_DAYS } from '../../../shared/sync/reportApi.ts';
import {
  PERIOD_CHOICES,
  resolvePeriod,
  shiftChoice,
  withKind,
  type PeriodChoice,
  type PeriodChoiceKind,
} from './periodChoice.ts';

interface Props {
  readonly choice: PeriodChoice;
  readonly onChoice: (next: PeriodChoice) => void;
  readonly groupBy: ReportGroupBy;
  readonly onGroupBy: (next: ReportGroupBy) => void;
}

/** 日/周/月/季/年/自定义 with ‹ › to step through periods, and 全局/按科室/按人员. Every control is reachable by Tab. */
export function PeriodPicker({ choice, onChoice, groupBy, onGroupBy }: Props) {
  const { t } = useTranslation();
  const resolved = resolvePeriod(choice);
  const custom = choice.kind === 'custom';
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Segments
        id="reports-period-kind"
        label={t('reports.period.label')}
        value={choice.kind}
        onChange={(v) => onChoice(withKind(choice, v as PeriodChoiceKind))}
        data={PERIOD_CHOICES.map((k) => ({ value: k, label: t(`reports.period.kind.${k}`) }))}
      />
      <Group gap={4} align="flex-end" wrap="nowrap">
        <StepButton direction={-1} choice={choice} onChoice={onChoice} />
        {custom ? (
          <>
            <DayInput
              label={t('reports.period.from')}
              value={choice.from}
              onChange={(from) => onChoice({ ...choice, from })}
            />
            <DayInput label={t('reports.period.to')} value={choice.to} onChange={(to) => onChoice({ ...choice, to })} />
          </>
        ) : (
          <DayInput
            label={t('reports.period.anchor')}
            value={choice.anchor}
            onChange={(anchor) => onChoice({ ...choice, anchor })}
          />
        )}
        <StepButton direction={1} choice={choice} onChoice={onChoice} />
      </Group>
      <Segments
        id="reports-group-by"
        label={t('reports.groupBy.label')}
        value={groupBy}
        onChange={(v) => onGroupBy(v as ReportGroupBy)}
        data={REPORT_GROUP_BYS.map((g) => ({ value: g, label: t(`reports.groupBy.${g}`) }))}
      />
      <Text size="sm" data-testid="reports-period" role={'problem' in resolved ? 'alert' : undefined}>
        {'period' in resolved
          ? t('reports.period.range', { from: resolved.period.from, to: resolved.period.to })
          : t(`reports.period.problem.${resolved.problem}`, { days: REPORT_MAX_DAYS })}
      </Text>
    </Group>
  );
}

/** ‹ or ›: the period before or after the one shown (disabled while the range typed is not a period). */
function StepButton({
  direction,
  choice,
  onChoice,
}: {
  direction: -1 | 1;
  choice: PeriodChoice;
  onChoice: (next: PeriodChoice) => void;
}) {
  const { t } = useTranslation();
  const label = t(direction < 0 ? 'reports.period.previous' : 'reports.period.next');
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        disabled={!('period' in resolvePeriod(choice))}
        onClick={() => onChoice(shiftChoice(choice, direction))}
      >
        {direction < 0 ? '‹' : '›'}
      </ActionIcon>
    </Tooltip>
  );
}

/** A segmented choice with a visible label that also names it for a screen reader. */
function Segments({
  id,
  label,
  ...control
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
}) {
  return (
    <div>
      {/* The same label as the day fields beside it (Mantine's input label), so the three read as one row. */}
      <Input.Label id={id} mb={4}>
        {label}
      </Input.Label>
      <SegmentedControl aria-labelledby={id} {...control} />
    </div>
  );
}

/**
 * A day typed as 年-月-日 (2026-12-02) in every language: Chromium's date field follows the operating system's
 * locale (month/day/year on an English Windows), which a Chinese reader misreads. An incomplete or impossible day
 * is not asked of HQ; the period line says what is wrong (resolvePeriod).
 */
function DayInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <TextInput
      label={label}
      value={value}
      lang={i18n.language}
      placeholder={t('reports.period.dayPlaceholder')}
      maxLength={10}
      autoComplete="off"
      spellCheck={false}
      w="8.5rem"
      onChange={(e) => onChange(e.currentTarget.value.trim())}
    />
  );
}
