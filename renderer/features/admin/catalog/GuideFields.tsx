import { Checkbox, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { APPLICANT_KINDS, RESULT_DELIVERIES } from '../../../../shared/model/catalog.ts';
import { LIMITS } from '../../../../shared/model/limits.ts';
import type { ItemForm } from './itemForm.ts';

interface Props {
  form: ItemForm;
  set: <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => void;
  errors: Record<string, string | undefined>;
}

/**
 * 办事指南 (art. 22, issue 16 item 1): what a guide states besides the checklist — the item's code, who may apply,
 * where and when, whether open on holidays, the result and how it is delivered, and how many visits it takes.
 * Publication needs them all (guideGaps); a draft may leave them blank.
 */
export function GuideFields({ form, set, errors }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="group" aria-label={t('admin.guide.title')}>
      <Text fw={500}>{t('admin.guide.title')}</Text>
      <Text size="xs" c="dimmed">
        {t('admin.guide.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('admin.guide.code')}
          description={t('admin.guide.codeHint')}
          maxLength={LIMITS.itemCode}
          value={form.code}
          onChange={(e) => set('code', e.currentTarget.value)}
          error={errors.code}
        />
        <NumberInput
          label={t('admin.guide.visits')}
          description={t('admin.guide.visitsHint')}
          value={form.visits}
          onChange={(v) => set('visits', v === '' ? '' : Number(v))}
          error={errors.visits}
          min={0}
          max={5}
          allowDecimal={false}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('admin.guide.applicants')}
        value={form.applicants}
        onChange={(v) => set('applicants', v as ItemForm['applicants'])}
        error={errors.applicants}
      >
        <Group mt={4}>
          {APPLICANT_KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`admin.guide.applicantKinds.${kind}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('admin.guide.address')}
          description={t('admin.guide.addressHint')}
          maxLength={LIMITS.address}
          value={form.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={errors.address}
        />
        <TextInput
          label={t('admin.guide.hours')}
          description={t('admin.guide.hoursHint')}
          maxLength={LIMITS.officeHours}
          value={form.hours}
          onChange={(e) => set('hours', e.currentTarget.value)}
          error={errors.hours}
        />
      </SimpleGrid>
      <Switch
        label={t('admin.guide.openOnHolidays')}
        checked={form.openOnHolidays}
        onChange={(e) => set('openOnHolidays', e.currentTarget.checked)}
      />
      <TextInput
        label={t('admin.guide.resultName')}
        description={t('admin.guide.resultNameHint')}
        maxLength={LIMITS.serviceItemName}
        value={form.resultName}
        onChange={(e) => set('resultName', e.currentTarget.value)}
        error={errors.resultName ?? errors.result}
      />
      <Checkbox.Group
        label={t('admin.guide.delivery')}
        value={form.resultDelivery}
        onChange={(v) => set('resultDelivery', v as ItemForm['resultDelivery'])}
        error={errors.resultDelivery}
      >
        <Group mt={4}>
          {RESULT_DELIVERIES.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`admin.guide.deliveries.${kind}`)} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
