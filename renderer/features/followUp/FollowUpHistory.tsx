import { Badge, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpState } from '../../../shared/rules/followUp.ts';
import { isBadLevel } from '../../../shared/model/satisfaction.ts';
import { formatDateTime } from '../../app/format.ts';
import type { Directory } from '../../data/hooks.ts';

interface Entry {
  readonly at: string;
  readonly key: string;
  readonly node: React.ReactNode;
}

/** Everything done on a task, oldest first: tries not reached, records, reports to leaders, suggestion outcomes. */
export function FollowUpHistory({ state, directory }: { state: FollowUpState | null; directory?: Directory }) {
  const { t } = useTranslation();
  if (!state || state.eventCount === 0) return <Text c="dimmed">{t('followUpDesk.noHistory')}</Text>;
  const name = (id: string) => directory?.staffById.get(id)?.name ?? id;
  const by = (a: { by: string; at: string }) => (
    <Text size="xs" c="dimmed">
      {t('followUpDesk.by', { name: name(a.by), at: formatDateTime(a.at) })}
    </Text>
  );
  const entries: Entry[] = [
    ...state.attempts.map((a) => ({
      at: a.at,
      key: a.eventId,
      node: (
        <>
          <Text size="sm">{t('followUpDesk.attempted', { means: t(`followUp.means.${a.means}`) })}</Text>
          {a.note && <Text size="sm">{a.note}</Text>}
          {by(a)}
        </>
      ),
    })),
    ...state.records.map((r) => ({
      at: r.at,
      key: r.eventId,
      node: (
        <>
          <Text size="sm" fw={500} c={isBadLevel(r.ratings.overall) ? 'red' : undefined}>
            {t('followUpDesk.recorded', {
              means: t(`followUp.means.${r.means}`),
              overall: r.ratings.overall ? t(`followUp.level.${r.ratings.overall}`) : t('followUpDesk.form.notSaid'),
            })}
            {r.strong && (
              <Badge ml="xs" color="red" size="sm">
                {t('followUp.strong')}
              </Badge>
            )}
          </Text>
          <Text size="sm">
            {t('followUpDesk.resultLine', { result: t(`followUp.resultAsRecorded.${r.resultAsRecorded}`) })}
          </Text>
          <Text size="sm">
            {(['attitude', 'quality', 'efficiency', 'integrity'] as const)
              .filter((aspect) => r.ratings[aspect])
              .map((aspect) => `${t(`followUp.aspect.${aspect}`)}：${t(`followUp.level.${r.ratings[aspect]}`)}`)
              .join('　')}
          </Text>
          {r.opinions && <Text size="sm">{t('followUpDesk.opinions', { text: r.opinions })}</Text>}
          {r.suggestions && <Text size="sm">{t('followUpDesk.suggestions', { text: r.suggestions })}</Text>}
          {by(r)}
        </>
      ),
    })),
    ...state.leaderReports.map((l) => ({
      at: l.at,
      key: l.eventId,
      node: (
        <>
          <Text size="sm">{t('followUpDesk.leaderReported', { name: name(l.leaderId) })}</Text>
          {l.note && <Text size="sm">{l.note}</Text>}
          {by(l)}
        </>
      ),
    })),
    ...state.suggestionOutcomes.map((s) => ({
      at: s.at,
      key: s.eventId,
      node: (
        <>
          <Text size="sm">
            {t('followUpDesk.suggestionDecided', {
              outcome: t(`followUp.suggestionOutcome.${s.outcome}`),
              note: s.note,
            })}
          </Text>
          {by(s)}
        </>
      ),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <Stack gap="xs" aria-label={t('followUpDesk.history')}>
      <Timeline bulletSize={12} lineWidth={2}>
        {entries.map((e) => (
          <Timeline.Item key={e.key}>{e.node}</Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
