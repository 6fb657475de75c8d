import { Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/model/limits.ts';
import {
  isBadLevel,
  LOW_RATING_REASONS,
  RATING_LEVELS,
  type LowRatingReason,
  type RatingLevel,
} from '../../../shared/model/satisfaction.ts';

export interface PadAnswer {
  readonly level: RatingLevel | null;
  readonly reasons: LowRatingReason[];
  readonly comment?: string;
}

const LEVEL_COLOURS: Record<RatingLevel, string> = {
  verySatisfied: 'teal',
  satisfied: 'green',
  basicallySatisfied: 'blue',
  dissatisfied: 'orange',
  veryDissatisfied: 'red',
};

/** The staff member rated, as the applicant sees them: name, title and department, nothing else. */
export interface RatedPerson {
  readonly name: string;
  readonly title: string;
  readonly departmentName: string | undefined;
}

interface Props {
  /** Nothing of the applicant is shown here. */
  readonly person: RatedPerson;
  readonly saving: boolean;
  onAnswer(answer: PadAnswer): void;
}

/** The applicant's screen: who served them, the five levels as large buttons, reasons for a 差评, 提交 or 不评价. */
export function PadRatingForm({ person, saving, onAnswer }: Props) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<LowRatingReason[]>([]);
  const [comment, setComment] = useState('');
  const bad = isBadLevel(level);

  function choose(next: RatingLevel) {
    setLevel(next);
    // Reasons and a comment belong to a 差评 only: switching to a better level drops them, as the schema requires.
    if (!isBadLevel(next)) {
      setReasons([]);
      setComment('');
    }
  }

  return (
    <Stack gap="lg" maw={1100} mx="auto" w="100%">
      <Stack gap={4} align="center">
        <Text c="dimmed" size="lg">
          {t('rating.pad.servedBy')}
        </Text>
        <Title order={1} data-testid="pad-staff-name">
          {person.name}
        </Title>
        <Text size="xl">{[person.departmentName, person.title].filter(Boolean).join(' · ')}</Text>
      </Stack>
      <Title order={2} ta="center">
        {t('rating.pad.prompt')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="md" role="radiogroup" aria-label={t('rating.pad.prompt')}>
        {RATING_LEVELS.map((l) => (
          <Button
            key={l}
            role="radio"
            aria-checked={level === l}
            h={120}
            size="xl"
            color={LEVEL_COLOURS[l]}
            variant={level === l ? 'filled' : 'light'}
            onClick={() => choose(l)}
            disabled={saving}
          >
            {t(`followUp.level.${l}`)}
          </Button>
        ))}
      </SimpleGrid>
      {bad && (
        <Stack gap="sm">
          <Text fw={600} size="lg">
            {t('rating.pad.reasonsTitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {LOW_RATING_REASONS.map((r) => (
              <Checkbox
                key={r}
                size="lg"
                label={t(`followUp.reason.${r}`)}
                checked={reasons.includes(r)}
                onChange={(e) =>
                  setReasons((now) => (e.currentTarget.checked ? [...now, r] : now.filter((x) => x !== r)))
                }
              />
            ))}
          </SimpleGrid>
          <Textarea
            size="lg"
            label={t('rating.pad.comment')}
            value={comment}
            maxLength={LIMITS.note}
            autosize
            minRows={2}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
        </Stack>
      )}
      <Group grow>
        <Button
          h={80}
          size="xl"
          disabled={level === null}
          loading={saving}
          onClick={() => level && onAnswer({ level, reasons, comment: bad && comment.trim() ? comment : undefined })}
        >
          {t('rating.pad.submit')}
        </Button>
        <Button
          h={80}
          size="xl"
          variant="default"
          disabled={saving}
          onClick={() => onAnswer({ level: null, reasons: [] })}
        >
          {t('rating.pad.decline')}
        </Button>
      </Group>
    </Stack>
  );
}
