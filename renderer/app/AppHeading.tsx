import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The app's name and tagline with the language switch: the head of the screens before anyone is signed in. */
export function AppHeading() {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2}>{t('app.name')}</Title>
        <Text c="dimmed" size="sm">
          {t('app.tagline')}
        </Text>
      </div>
      <LanguageSwitch />
    </Group>
  );
}
