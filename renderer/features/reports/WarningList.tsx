import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WARNING_THRESHOLDS } from '../../../shared/rules/reports/warnings.ts';
import type { ReportWarning } from '../../../shared/sync/reportApi.ts';
import { articleLabel } from '../cases/articleLabel.ts';
import { ExportButtons } from './export/ExportButtons.tsx';
import { warningsTable, warningWords } from './export/reportTables.ts';
import type { OpenRecord } from './RecordButton.tsx';
import type { ReportNames } from './reportNames.ts';
import {
  filterWarnings,
  LEVEL_COLOUR,
  levelCounts,
  showMore,
  WARNING_LEVELS,
  WARNING_PAGE,
  warningPage,
  type WarningFilter,
} from './warningView.ts';

interface Props {
  readonly warnings: readonly ReportWarning[];
  readonly names: ReportNames;
  readonly period: { readonly from: string; readonly to: string };
  readonly onOpenRecord: OpenRecord;
}

const WINDOW = {
  days: DEFAULT_WARNING_THRESHOLDS.yellowMaxWorkingDays,
  window: DEFAULT_WARNING_THRESHOLDS.repeatWindowDays,
};

/**
 * 预警 / 黄牌 / 红牌: the counts on top, a level filter, and a card per warning with its level in words as well as in
 * colour (a printout in black and white still says which), the rule that raised it, the article, the person, the
 * department, the day and the working days late or left. A card opens its record. The cards are drawn
 * WARNING_PAGE at a time ("再显示 50 条"); the counts and the export take them all.
 */
export function WarningList({ warnings, names, period, onOpenRecord }: Props) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<WarningFilter>('all');
  // How many cards are asked for, for this answer and filter: a new answer or another level starts at one page.
  const [paging, setPaging] = useState({ warnings, filter, limit: WARNING_PAGE });
  const limit = paging.warnings === warnings && paging.filter === filter ? paging.limit : WARNING_PAGE;
  const grid = useRef<HTMLDivElement>(null);
  // After "再显示", focus goes to the first card just drawn, so a keyboard user carries on where the list grew
  // (the button itself may be gone once all are shown).
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    const at = focusAt.current;
    if (at === null) return;
    focusAt.current = null;
    grid.current?.querySelectorAll<HTMLElement>('[data-fact]')[at]?.focus();
  }, [limit]);
  const counts = levelCounts(warnings);
  const shown = filterWarnings(warnings, filter);
  const page = warningPage(shown, limit);
  const more = () => {
    focusAt.current = page.shown.length;
    setPaging({ warnings, filter, limit: showMore(limit, page.total) });
  };
  const exists = (key: string) => i18n.exists(key);
  const words = { t, exists, language: i18n.language, names };
  return (
    <Stack gap="sm" component="section" aria-labelledby="reports-warnings">
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={4} id="reports-warnings">
            {t('reports.warning.title')}
          </Title>
          {WARNING_LEVELS.map((level) => (
            <Badge
              key={level}
              color={LEVEL_COLOUR[level]}
              variant="filled"
              size="lg"
              data-testid={`warning-count-${level}`}
            >
              {t('reports.warning.count', { level: t(`reports.level.${level}`), count: counts[level] })}
            </Badge>
          ))}
        </Group>
        {warnings.length > 0 && (
          <ExportButtons
            testId="export-warnings"
            what={t('reports.export.warnings')}
            period={period}
            table={() => warningsTable(shown, words)}
          />
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('reports.warning.hint', WINDOW)}
      </Text>
      {warnings.length === 0 ? (
        <Text c="dimmed" data-testid="warnings-none">
          {t('reports.warning.none')}
        </Text>
      ) : (
        <>
          <SegmentedControl
            aria-label={t('reports.warning.filter')}
            value={filter}
            onChange={(v) => setFilter(v as WarningFilter)}
            data={[
              { value: 'all', label: t('reports.warning.all', { count: warnings.length }) },
              ...WARNING_LEVELS.map((level) => ({
                value: level,
                label: t('reports.warning.count', { level: t(`reports.level.${level}`), count: counts[level] }),
              })),
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {shown.length === 0 ? (
            <Text c="dimmed">{t('reports.warning.noneOfLevel')}</Text>
          ) : (
            <>
              <SimpleGrid ref={grid} cols={{ base: 1, md: 2, xl: 3 }} spacing="sm" data-testid="warning-cards">
                {page.shown.map((card) => (
                  <WarningCard key={card.factId} card={card} names={names} onOpenRecord={onOpenRecord} />
                ))}
              </SimpleGrid>
              {page.total > WARNING_PAGE && (
                <Group gap="sm" data-testid="warning-paging">
                  <Text size="sm" c="dimmed" role="status">
                    {t('reports.drill.summary', { total: page.total, first: 1, last: page.shown.length })}
                  </Text>
                  {page.more > 0 && (
                    <Button variant="default" size="xs" onClick={more} data-testid="warning-more">
                      {t('reportPrint.warningList.more', { count: page.more })}
                    </Button>
                  )}
                </Group>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function WarningCard({
  card,
  names,
  onOpenRecord,
}: {
  card: ReportWarning;
  names: ReportNames;
  onOpenRecord: OpenRecord;
}) {
  const { t, i18n } = useTranslation();
  const [notHere, setNotHere] = useState(false);
  const words = warningWords(card, { t, exists: (key) => i18n.exists(key) });
  const days = card.level === 'warning' && card.days === 0 ? t('reports.warning.daysLeftNone') : words.days;
  const open = async () => setNotHere((await onOpenRecord('breach', card.recordId, card.code)) === 'notHere');
  const staff = names.staff(card.staffId);
  const department = names.department(card.departmentId);
  return (
    <Paper
      withBorder
      p="sm"
      role="button"
      tabIndex={0}
      data-level={card.level}
      data-fact={card.factId}
      aria-label={t('reports.warning.card', {
        level: words.level,
        duty: words.duty,
        staff,
        department,
        day: card.day,
        days,
      })}
      onClick={() => void open()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          void open();
        }
      }}
      style={{
        cursor: 'pointer',
        borderLeft: `6px ${card.level === 'red' ? 'solid' : card.level === 'yellow' ? 'double' : 'dashed'} var(--mantine-color-${LEVEL_COLOUR[card.level]}-6)`,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Badge color={LEVEL_COLOUR[card.level]} variant={card.level === 'warning' ? 'outline' : 'filled'}>
          {words.level}
        </Badge>
        <Text size="sm" fw={600}>
          {days}
        </Text>
      </Group>
      <Text fw={600} mt={4}>
        {words.duty}
      </Text>
      <Text size="sm">
        {staff} · {department}
      </Text>
      <Text size="sm" c="dimmed">
        {t('reports.warning.dayLabel', { day: card.day })} · {articleLabel(card.article, t, i18n.language)}
      </Text>
      <Text size="sm" c="dimmed">
        {words.rule}
      </Text>
      {notHere && (
        <Text size="xs" role="status">
          {t('reports.drill.notHere', { id: card.recordId })}
        </Text>
      )}
    </Paper>
  );
}
