import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { acceptCase, checkMaterials, requestSupplement } from '../../data/caseOperations.ts';
import type { CaseRow } from '../../data/db.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { caseFieldErrors } from './caseErrors.ts';
import { RejectForm } from './RejectForm.tsx';
import { LIMITS } from '../../../shared/model/limits.ts';

type State = 'received' | 'missing' | 'nonConforming';

/**
 * art. 10–11: check every material of the item, then accept, request one supplement, or propose a rejection. When
 * something is missing the supplement notice is the natural next step (art. 11 立即告知): it is the primary action.
 */
export function MaterialsCheck({
  row,
  item,
  staff,
  deemed,
}: {
  row: CaseRow;
  item: ServiceItem;
  staff: Staff;
  /** 行政许可法 §32: the application already counts as accepted, so neither a supplement nor a "no" may follow. */
  deemed: boolean;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: {
      checks: Object.fromEntries(
        item.materials.map((m) => [
          m.id,
          { state: row.checks[m.id]?.state ?? 'missing', note: row.checks[m.id]?.note ?? '' },
        ]),
      ) as Record<string, { state: State; note: string }>,
    },
    wording: caseFieldErrors,
  });
  const draft = form.getValues().checks;
  // Material ids are data, not form paths: the whole map is replaced, never `checks.<id>` (an id may hold a dot).
  const setCheck = (id: string, check: { state: State; note: string }) =>
    form.setFieldValue('checks', (d) => ({ ...d, [id]: check }));
  const noteError = form.errors.note;
  const save = ({ checks }: { checks: typeof draft }) =>
    checkMaterials(
      db,
      author,
      row.caseId,
      item.materials.map((m) => ({
        materialId: m.id,
        state: checks[m.id]?.state ?? 'missing',
        note: checks[m.id]?.note || undefined,
      })),
    );
  const incomplete = item.materials.some((m) => {
    const state = draft[m.id]?.state ?? 'missing';
    return state === 'nonConforming' || (m.requirement === 'required' && state === 'missing');
  });
  const anyMissing = item.materials.some((m) => (draft[m.id]?.state ?? 'missing') !== 'received');
  const offerSupplement = row.status === 'checking' && anyMissing && !deemed;
  return (
    <Stack gap="xs">
      <Table aria-label={t('cases.materials')} verticalSpacing={4}>
        <Table.Tbody>
          {item.materials.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm" fw={500}>
                    {m.name}
                  </Text>
                  <Badge size="xs" variant="outline" color={m.requirement === 'required' ? 'red' : 'gray'}>
                    {t(`cases.${m.requirement}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('cases.originalsCopies', { originals: m.originals, copies: m.copies })} · {m.format}
                  {m.condition ? ` · ${m.condition}` : ''}
                </Text>
              </Table.Td>
              <Table.Td w={260}>
                <SegmentedControl
                  size="xs"
                  aria-label={m.name}
                  value={draft[m.id]?.state ?? 'missing'}
                  onChange={(v) => setCheck(m.id, { state: v as State, note: draft[m.id]?.note ?? '' })}
                  data={(['received', 'missing', 'nonConforming'] as const).map((s) => ({
                    value: s,
                    label: t(`cases.state.${s}`),
                  }))}
                />
                {draft[m.id]?.state === 'nonConforming' && (
                  <TextInput
                    size="xs"
                    mt={4}
                    aria-label={`${m.name} ${t('cases.note')}`}
                    maxLength={LIMITS.materialNote}
                    placeholder={t('cases.note')}
                    value={draft[m.id]?.note ?? ''}
                    onChange={(e) => setCheck(m.id, { state: 'nonConforming', note: e.currentTarget.value })}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {formError && <Alert color="red">{formError}</Alert>}
      {noteError && <Alert color="red">{noteError}</Alert>}
      <Group>
        <Button variant="default" loading={busy} onClick={() => void submit(save, { keep: true })}>
          {t('cases.saveChecks')}
        </Button>
        {offerSupplement && (
          <Button
            color="orange"
            variant={incomplete ? 'filled' : 'light'}
            loading={busy}
            onClick={() =>
              void submit(async (v) => (await save(v), requestSupplement(db, author, row.caseId)), { keep: true })
            }
          >
            {t('cases.supplement')}
          </Button>
        )}
        <Button
          variant={incomplete ? 'default' : 'filled'}
          loading={busy}
          onClick={() => void submit(async (v) => (await save(v), acceptCase(db, author, row.caseId)), { keep: true })}
        >
          {t('cases.accept')}
        </Button>
      </Group>
      {!deemed && <RejectForm row={row} staff={staff} />}
    </Stack>
  );
}
