import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_ENDED } from '../../../shared/rules/case.ts';
import type { CaseBreach } from '../../../shared/rules/caseTimeliness.ts';
import type { CaseRow } from '../../data/db.ts';
import { articleLabel } from './articleLabel.ts';

/**
 * The time-limit breaches that happened on a case (issue 12, decision 8), e.g. "曾超期 3 个工作日", "未立即告知补正".
 * They never disappear: an ended case that was late stays marked late, on the card and on the board.
 */
export function Breaches({
  row,
  breaches,
  compact = false,
}: {
  row: CaseRow;
  breaches: readonly CaseBreach[];
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (breaches.length === 0) return null;
  const ended = CASE_ENDED.includes(row.status);
  return (
    <Group gap={4} aria-label={t('cases.breachesTitle')} data-testid="case-breaches">
      {breaches.map((b) => {
        // While the case is still overdue the breach is "已超期"; once it ended (or the clock moved) it reads "曾超期".
        const key = b.code === 'overdue' && ended ? 'overdueOnce' : b.code;
        return (
          <Tooltip
            key={`${b.code}-${b.since}-${b.step ?? ''}`}
            label={`${articleLabel(b.article, t, i18n.language)} · ${b.since}`}
          >
            <Badge color="red" variant={compact ? 'light' : 'outline'} size={compact ? 'xs' : 'sm'}>
              {t(`cases.breach.${key}`, { count: b.days ?? 0 })}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}
