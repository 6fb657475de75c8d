import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isBadLevel } from '../../../shared/model/satisfaction.ts';
import { useDesk } from '../../app/context.tsx';
import { useDirectory } from '../../data/hooks.ts';
import type { RatingView } from '../../data/rating/ratingViews.ts';

/** One rating as given: level, reasons, comment, who rated whom and how, and its validity and appeal. */
export function RatingSummary({
  view,
  onOpenService,
}: {
  view: RatingView;
  onOpenService?: (contactId: string) => void;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const directory = useDirectory(db);
  const { state } = view;
  const rated = directory?.staffById.get(state.ratedStaffId);
  const department = directory?.departments.find((d) => d.id === view.departmentId)?.name;
  const decision = state.appeal?.decision;
  const field = (label: string, value: string | undefined, testId?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value || t('satisfaction.rating.none')}
      </Text>
    </div>
  );
  return (
    <Stack gap="sm" data-testid="rating-summary">
      <Group gap="sm">
        <Badge
          size="lg"
          color={isBadLevel(state.level) ? 'red' : state.level ? 'teal' : 'gray'}
          data-testid="rating-level"
        >
          {t(`followUp.level.${state.level ?? 'declined'}`)}
        </Badge>
        {state.invalid && (
          <Badge color="gray" variant="outline" data-testid="rating-invalid">
            {t('satisfaction.records.invalid')}
          </Badge>
        )}
      </Group>
      {state.invalid && (
        <Alert color="gray" data-testid="rating-invalid-reason">
          {t('satisfaction.rating.invalid', { reason: state.invalid.reason })}
        </Alert>
      )}
      {state.appeal && !decision && (
        <Alert color="yellow">{t('satisfaction.rating.appealPending', { reason: state.appeal.reason })}</Alert>
      )}
      {decision && !decision.upheld && (
        <Alert color="orange">{t('satisfaction.rating.appealRejected', { reason: decision.reason })}</Alert>
      )}
      <SimpleGrid cols={2} spacing="xs">
        {field(t('satisfaction.rating.reasons'), state.reasons.map((r) => t(`followUp.reason.${r}`)).join('；'))}
        {field(t('satisfaction.rating.comment'), state.comment)}
        {field(t('satisfaction.rating.by'), t(`satisfaction.author.${state.source}`), 'rating-author')}
        {field(t('satisfaction.rating.ratedOn'), state.ratedOn)}
        {field(t('satisfaction.rating.rated'), rated ? `${rated.name}（${rated.title}）` : state.ratedStaffId)}
        {field(t('satisfaction.rating.department'), department)}
        {field(t('satisfaction.rating.matter'), view.matter)}
        {field(t('satisfaction.rating.applicant'), view.applicant)}
      </SimpleGrid>
      {/* What the fold kept but flagged (acts that broke a rule, from another desk or an old log): for a person to see. */}
      {state.flags.some((f) => f.code !== 'duplicate') && (
        <Alert color="orange" data-testid="rating-flags" title={t('satisfaction.flag.title')}>
          {[...new Set(state.flags.filter((f) => f.code !== 'duplicate').map((f) => f.code))]
            .map((code) => t(`satisfaction.flag.${code}`))
            .join('；')}
        </Alert>
      )}
      {state.duplicateEventIds.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('satisfaction.rating.duplicates', { count: state.duplicateEventIds.length })}
        </Text>
      )}
      {view.contactId && onOpenService && (
        <Group>
          <Button variant="default" size="xs" onClick={() => onOpenService(view.contactId!)}>
            {t('satisfaction.drawer.openService')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
