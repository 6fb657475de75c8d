import { Alert, Checkbox, Group, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_GRAVITIES,
  COMPLAINT_GROUNDS,
  COMPLAINT_MEASURES,
  type ComplaintGravity,
  type ComplaintGround,
  type ComplaintMeasure,
} from '../../../shared/model/complaintEvents.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { actWording, type ActFormProps } from './actFormProps.ts';
import { ActFormShell } from './ActFormShell.tsx';
import { foundedBlocked } from './availableActs.ts';
import { decisionCheck, decisionPayload } from './decisionPayload.ts';
import { useNames } from './useNames.ts';

/**
 * 处理决定 (art. 31, 33), in writing: unfounded, or founded on an art. 32 ground with each accused person's measures
 * and gravity. A founded decision waits until every accused person was heard (陈述申辩): the desk says so and does
 * not offer it before; HQ refuses it too.
 */
export function DecideForm(props: ActFormProps) {
  const { t } = useTranslation();
  const names = useNames();
  const blocked = foundedBlocked(props.state, props.today);
  const accused = props.state.accusedStaffIds;
  const found = props.state.findingsClosed?.ground;
  const { busy, formError, form, field, submit } = useDeskForm({
    initialValues: {
      outcome: 'unfounded' as 'unfounded' | 'founded',
      // The findings' ground when they found one; otherwise the leader chooses it, never a default.
      ground: (found === 'none' || found === undefined ? '' : found) as ComplaintGround | '',
      measures: Object.fromEntries(accused.map((id) => [id, [] as ComplaintMeasure[]])) as Record<
        string,
        ComplaintMeasure[]
      >,
      // No default: the leader chooses each gravity (一般 is a finding too, not what an untouched field means).
      gravity: Object.fromEntries(accused.map((id) => [id, '' as ComplaintGravity | ''])) as Record<
        string,
        ComplaintGravity | ''
      >,
      reason: '',
    },
    wording: actWording,
    check: (v) => decisionCheck(v, accused),
  });
  const v = form.getValues();
  const ground = field('ground');
  const errors = form.errors;
  const noMeasures = accused.length > 0 && accused.every((id) => (v.measures[id]?.length ?? 0) === 0);
  const save = () =>
    void submit((values) =>
      props.send(
        'complaint.decided',
        decisionPayload({ ...values, ground: values.ground as ComplaintGround }, accused),
      ),
    );
  return (
    <ActFormShell
      title={t('complaint.act.decide')}
      submitLabel={t('complaint.act.decide')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <SegmentedControl
        {...field('outcome')}
        data={[
          { value: 'unfounded', label: t('complaint.outcome.unfounded') },
          { value: 'founded', label: t('complaint.outcome.founded'), disabled: blocked },
        ]}
      />
      {blocked && <Alert color="yellow">{t('complaint.flag.statementPending')}</Alert>}
      {v.outcome === 'founded' && (
        <Stack gap="xs">
          <Select
            label={t('complaint.field.ground')}
            data={COMPLAINT_GROUNDS.map((g) => ({ value: g, label: t(`complaint.ground.${g}`) }))}
            allowDeselect={false}
            withAsterisk
            {...ground}
            value={ground.value || null}
            onChange={(g) => g && ground.onChange(g as ComplaintGround)}
          />
          <Table withTableBorder verticalSpacing={4} aria-label={t('complaint.field.measures')}>
            <Table.Tbody>
              {accused.map((id) => (
                <Table.Tr key={id}>
                  <Table.Td>{names.staff(id)}</Table.Td>
                  <Table.Td>
                    {/* A named group, so a screen reader (and the keyboard user) hears whose measures these are. */}
                    <div role="group" aria-label={t('complaint.screen.measuresOf', { name: names.staff(id) })}>
                      <Checkbox.Group
                        value={v.measures[id] ?? []}
                        onChange={(m) => {
                          form.setFieldValue(`measures.${id}`, m as never);
                          form.clearFieldError('measures');
                        }}
                      >
                        <Group gap="xs">
                          {COMPLAINT_MEASURES.map((m) => (
                            <Checkbox key={m} value={m} label={t(`complaint.measure.${m}`)} size="xs" />
                          ))}
                        </Group>
                      </Checkbox.Group>
                    </div>
                  </Table.Td>
                  <Table.Td w={110}>
                    <Select
                      size="xs"
                      aria-label={t('complaint.screen.gravityOf', { name: names.staff(id) })}
                      data={COMPLAINT_GRAVITIES.map((g) => ({ value: g, label: t(`complaint.gravity.${g}`) }))}
                      placeholder={t('complaint.field.gravity')}
                      value={v.gravity[id] || null}
                      allowDeselect={false}
                      // Whose measures are none has no gravity to weigh.
                      disabled={(v.measures[id]?.length ?? 0) === 0}
                      error={errors[`gravity.${id}`]}
                      onChange={(g) => {
                        if (!g) return;
                        form.setFieldValue(`gravity.${id}`, g as never);
                        form.clearFieldError(`gravity.${id}`);
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {/* Said before sending, not only when HQ refuses it (measures-required). */}
          {(noMeasures || errors.measures) && (
            <Text size="xs" c={errors.measures ? 'red' : 'orange'} role={errors.measures ? 'alert' : undefined}>
              {errors.measures ?? t('complaint.errors.measuresRequired')}
            </Text>
          )}
        </Stack>
      )}
      <Textarea
        label={t('complaint.field.reason')}
        withAsterisk
        autosize
        minRows={3}
        maxLength={LIMITS.explanation}
        {...form.getInputProps('reason')}
      />
    </ActFormShell>
  );
}
