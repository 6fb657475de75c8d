import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditState } from '../../data/adminQueries.ts';

/**
 * Where this desk's last edit stands: submitted and waiting for the server, or refused — with the reason in
 * the bureau's words and the server's own explanation under it (a refused edit changed nothing).
 */
export function EditStateBadge({ edit }: { edit: EditState | undefined }) {
  const { t, i18n } = useTranslation();
  if (!edit) return null;
  if (edit.kind === 'submitted') {
    return (
      <Badge color="blue" variant="light">
        {t('admin.edit.submitted')}
      </Badge>
    );
  }
  const { code, message } = edit.rejection;
  const reason = `admin.rejection.${code}`;
  return (
    <Stack gap={2}>
      <Tooltip label={message} multiline w={360}>
        <Badge color="red" variant="light">
          {t('admin.edit.refused')}
        </Badge>
      </Tooltip>
      <Text size="xs" c="red.8" role="status">
        {t(i18n.exists(reason) ? reason : 'admin.rejection.other')}
      </Text>
    </Stack>
  );
}
