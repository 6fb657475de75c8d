import { ActionIcon, Alert, Button, FileButton, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_FILE_MAX_BYTES, GUIDE_FORM_KINDS } from '../../../../shared/model/catalog.ts';
import { LIMITS } from '../../../../shared/model/limits.ts';
import type { StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { useDesk } from '../../../app/context.tsx';
import {
  catalogFileClient,
  checkGuideFile,
  GUIDE_FILE_ACCEPT,
  type CatalogFileClient,
} from '../../../data/catalogFiles.ts';
import { useOnlineClient } from '../../../data/onlineClient.ts';
import { useSession } from '../../../stores/session.ts';
import { useSyncActivity } from '../../../stores/sync.ts';
import { catalogFileProblem, noCredentials, OpenFile } from './FormFile.tsx';
import { fileFactsText } from './itemText.ts';
import { guideFormForm, type GuideFormForm, type MaterialForm } from './itemForm.ts';

interface Props {
  value: GuideFormForm[];
  onChange: (forms: GuideFormForm[]) => void;
  /** The item's materials: a form may be the one for a material. */
  materials: MaterialForm[];
  errors: Record<string, string | undefined>;
  staffId: string;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * 空白表格 and 示例样表 (issue 16 item 1): each row names a form and carries the file uploaded to HQ. The upload is
 * online only, as the admin (HQ checks their staff session before it reads a byte); the desk refuses a wrong type or
 * a file over 5 MB before sending anything, and says plainly when HQ cannot be reached.
 */
export function FormsEditor({ value, onChange, materials, errors, staffId }: Props) {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const live = session?.staffId === staffId ? session : null;
  const update = (i: number, patch: Partial<GuideFormForm>) =>
    onChange(value.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const materialOptions = materials.filter((m) => m.name.trim()).map((m) => ({ value: m.id, label: m.name }));
  return (
    <Stack gap={6} role="group" aria-label={t('admin.guide.forms')}>
      <Text size="sm" fw={500}>
        {t('admin.guide.forms')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('admin.guide.formsHint', { mb: GUIDE_FILE_MAX_BYTES / 1024 / 1024 })}
      </Text>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('admin.guide.none')}
        </Text>
      )}
      {value.map((form, i) => (
        <Paper key={form.key} withBorder p="xs" role="group" aria-label={t('admin.guide.formNumber', { n: i + 1 })}>
          <Stack gap={6}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label={t('admin.guide.formName')}
                placeholder={t('admin.guide.formNamePlaceholder')}
                maxLength={LIMITS.serviceItemName}
                value={form.name}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
                error={errors[`forms.${i}.name`]}
                style={{ flex: 2 }}
                size="sm"
              />
              <Select
                label={t('admin.guide.formKind')}
                value={form.kind}
                onChange={(v) => v && update(i, { kind: v as GuideFormForm['kind'] })}
                data={GUIDE_FORM_KINDS.map((k) => ({ value: k, label: t(`admin.guide.formKinds.${k}`) }))}
                allowDeselect={false}
                w={130}
                size="sm"
              />
              <Select
                label={t('admin.guide.formMaterial')}
                placeholder={t('admin.guide.formMaterialNone')}
                value={form.materialId || null}
                onChange={(v) => update(i, { materialId: v ?? '' })}
                data={materialOptions}
                clearable
                style={{ flex: 2 }}
                size="sm"
                error={errors[`forms.${i}.materialId`]}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('admin.guide.removeForm', { n: i + 1 })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
            {live ? (
              <FormUpload
                session={live}
                index={i}
                form={form}
                onUploaded={(file) => update(i, { file, name: form.name || file.fileName.replace(/\.[^.]+$/, '') })}
                // The schema's own word would be 必填: say what to do.
                error={
                  errors[`forms.${i}.file`] && (form.file ? errors[`forms.${i}.file`] : t('admin.guide.fileRequired'))
                }
              />
            ) : (
              <Text size="sm" c="orange.8" role="note">
                {t('admin.guide.uploadNeedsSession')}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
      {errors.forms && (
        <Text size="sm" c="red" role="alert">
          {errors.forms}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...value, guideFormForm()])}>
          + {t('admin.guide.addForm')}
        </Button>
      </Group>
    </Stack>
  );
}

function FormUpload({
  session,
  index,
  form,
  onUploaded,
  error,
}: {
  session: StaffSession;
  index: number;
  form: GuideFormForm;
  onUploaded: (file: NonNullable<GuideFormForm['file']>) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { platform } = useDesk();
  const online = useSyncActivity((s) => s.online);
  const { client } = useOnlineClient<CatalogFileClient>(platform, session, catalogFileClient, noCredentials);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function upload(file: File | null) {
    if (!file) return;
    setProblem(null);
    const checked = checkGuideFile(file);
    if (!checked.ok) {
      setProblem(
        t(`admin.guide.${checked.reason}`, { mb: megabytes(file.size), max: GUIDE_FILE_MAX_BYTES / 1024 / 1024 }),
      );
      return;
    }
    if (!client || !online) {
      setProblem(t('admin.guide.uploadOffline'));
      return;
    }
    setBusy(true);
    try {
      onUploaded(await client(file, file.name, checked.mediaType));
    } catch (e) {
      setProblem(catalogFileProblem(e, 'admin.guide.uploadRefused', t, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={4}>
      <Group gap="sm">
        <FileButton onChange={(f) => void upload(f)} accept={GUIDE_FILE_ACCEPT}>
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="default"
              loading={busy}
              aria-label={t('admin.guide.uploadOf', { n: index + 1 })}
            >
              {form.file ? t('admin.guide.replaceFile') : t('admin.guide.upload')}
            </Button>
          )}
        </FileButton>
        {form.file ? (
          <Text size="sm" data-testid="guide-form-file">
            {t('admin.guide.uploaded', { facts: fileFactsText(form.file, t) })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('admin.guide.noFile')}
          </Text>
        )}
      </Group>
      {form.file && <OpenFile file={form.file} session={session} />}
      {(problem ?? error) && (
        <Alert color="red" role="alert" p="xs">
          {problem ?? error}
        </Alert>
      )}
    </Stack>
  );
}
