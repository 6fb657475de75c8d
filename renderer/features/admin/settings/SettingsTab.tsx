import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useDesk } from '../../../app/context.tsx';
import { useSettingsForAdmin } from '../../../data/adminHooks.ts';
import { useDirectory } from '../../../data/hooks.ts';
import { EditStateBadge } from '../EditStateBadge.tsx';
import { SettingsEditor } from './SettingsEditor.tsx';
import { SettingsHistory } from './SettingsHistory.tsx';

/** The bureau's settings: the version in force and who saved it, the editor, and the versions before. */
export function SettingsTab({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const view = useSettingsForAdmin(db);
  const staffById = useDirectory(db)?.staffById ?? new Map<string, Staff>();
  if (!view) return null;
  const { doc, savedBy } = view;
  if (!doc) return <Text c="dimmed">{t('admin.settings.noSettings')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={760}>
        {t('admin.settings.hint')}
      </Text>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={500} data-testid="settings-version">
              {t('admin.settings.current', { rev: doc.rev })}
            </Text>
            <Text size="sm" c="dimmed" data-testid="settings-saved-by">
              {savedBy
                ? t('admin.settings.savedBy', {
                    name: staffById.get(savedBy.staffId)?.name ?? savedBy.staffId,
                    time: formatDateTime(savedBy.savedAt),
                  })
                : t('admin.settings.seeded', { time: formatDateTime(doc.updatedAt) })}
            </Text>
          </Stack>
          <EditStateBadge edit={view.edit} />
        </Group>
      </Paper>
      <SettingsEditor staff={staff} doc={doc} pending={view.edit?.kind === 'submitted'} />
      <SettingsHistory history={view.history} staffById={staffById} />
    </Stack>
  );
}
