import { Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The top of the applicant's screen (local pad and tablet): whose window it is, and 中文/EN. */
export function PadHeader({ title }: { title: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="xl" fw={600}>
        {title}
      </Text>
      <SegmentedControl
        aria-label={t('rating.pad.language')}
        value={i18n.language}
        // Not remembered: the next applicant starts in Chinese, and the desk's own language is not touched.
        onChange={(v) => void i18n.changeLanguage(v)}
        data={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'EN' },
        ]}
      />
    </Group>
  );
}
