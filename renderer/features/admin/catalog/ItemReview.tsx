import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { FormSubmit } from '../../../forms/FormSubmit.tsx';
import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '../../../../shared/model/catalog.ts';
import type { Staff } from '../../../../shared/model/reference.ts';
import { guideGaps } from '../../../../shared/rules/catalogPublication.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useDesk } from '../../../app/context.tsx';
import { formatDateTime } from '../../../app/format.ts';
import { publishCatalogItem } from '../../../data/adminOperations.ts';
import type { CatalogRow } from '../../../data/adminQueries.ts';
import { useAllStaff, useDepartments } from '../../../data/hooks.ts';
import { useDeskForm } from '../../../forms/useDeskForm.ts';
import { useAuthor } from '../../../stores/session.ts';
import { adminFieldErrors } from '../adminErrors.ts';
import { FormFile } from './FormFile.tsx';
import { changedFields, fieldText, formHeading, publicationDay, REVIEW_FIELDS } from './itemText.ts';

interface Props {
  staff: Staff;
  /** The item with a draft waiting (row.draft). */
  row: CatalogRow;
  onClose: () => void;
}

const preLine = { whiteSpace: 'pre-line' } as const;

/**
 * 审核发布 (公开承诺, art. 20–23, issue 16 item 2): a second admin reads the draft beside the version in force, the
 * changed fields marked, and what the guide still lacks; 批准发布 publishes it — never by its drafter, and not while
 * the guide lacks an element (the public page, the leaflet and the checklist are all composed from it).
 */
export function ItemReview({ staff, row, onClose }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const people = useAllStaff(db) ?? [];
  const departments = useDepartments(db) ?? [];
  const { busy, formError, submit } = useDeskForm({ initialValues: {}, wording: adminFieldErrors, decision: true });
  const draft = row.draft?.event;
  if (!draft) {
    return (
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text>{t('admin.publish.noDraft')}</Text>
          <CloseButton onClose={onClose} />
        </Stack>
      </Paper>
    );
  }
  const next = draft.payload.item;
  const current = row.rev > 0 ? row.item : undefined;
  const changed = new Set(changedFields(current, next));
  const gaps = guideGaps(next);
  const own = draft.staffId === staff.id;
  const drafter = people.find((p) => p.id === draft.staffId)?.name ?? draft.staffId;
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const title = t('admin.publish.title', { name: next.name });

  return (
    <Paper withBorder p="md" aria-label={title}>
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        <Text size="sm">
          {t('admin.publish.draftedBy', { name: drafter, time: formatDateTime(draft.occurredAt) })}
          {draft.payload.note ? ` ${t('admin.publish.note', { note: draft.payload.note })}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {current
            ? t('admin.publish.against', {
                rev: row.rev,
                day: row.publishedAt ? publicationDay(row.publishedAt, t) : '',
              })
            : t('admin.publish.newItem')}
          {t('admin.publish.changedCount', { count: changed.size })}
        </Text>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label={t('admin.publish.compare')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>{t('admin.publish.field')}</Table.Th>
              <Table.Th>
                {current ? t('admin.publish.inForce', { rev: row.rev }) : t('admin.publish.noVersion')}
              </Table.Th>
              <Table.Th>{t('admin.publish.draft')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {REVIEW_FIELDS.map((field) => {
              const isChanged = changed.has(field);
              return (
                <Table.Tr key={field} data-changed={isChanged || undefined} bg={isChanged ? 'yellow.0' : undefined}>
                  <Table.Th scope="row">
                    <Stack gap={2}>
                      <Text size="sm">{t(`admin.publish.fields.${field}`)}</Text>
                      {isChanged && current && (
                        <Badge size="xs" color="yellow" variant="light">
                          {t('admin.publish.changed')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Th>
                  <Table.Td style={preLine}>
                    {field === 'forms' && current?.forms?.length ? (
                      <ReviewForms forms={current.forms} staffId={staff.id} dimmed />
                    ) : (
                      <Text size="sm" c="dimmed" style={preLine}>
                        {current ? fieldText(current, field, t, departmentName) || t('admin.publish.notStated') : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {field === 'forms' && next.forms?.length ? (
                      <ReviewForms forms={next.forms} staffId={staff.id} />
                    ) : (
                      <Text size="sm" fw={isChanged ? 500 : undefined} style={preLine}>
                        {fieldText(next, field, t, departmentName) || t('admin.publish.notStated')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {gaps.length > 0 && (
          <Alert color="orange" role="note" title={t('admin.publish.gapsTitle')} data-testid="guide-gaps">
            <List size="sm">
              {gaps.map((g) => (
                <List.Item key={g}>{t(`admin.publish.gaps.${g}`)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {(row.draft?.stale || own) && (
          <Alert color={own ? 'yellow' : 'orange'} role="note">
            {own ? t('admin.publish.selfPublish') : t('admin.publish.stale', { rev: row.rev })}
          </Alert>
        )}
        <ProvenOnly staff={staff}>
          <FormSubmit
            formError={formError}
            busy={busy}
            color="teal"
            w="fit-content"
            disabled={own || gaps.length > 0 || row.draft?.stale === true}
            onClick={() =>
              void submit(() => publishCatalogItem(db, author, { itemId: next.id, draftEventId: draft.eventId }), {
                success: t('admin.publish.published', { name: next.name }),
              }).then((done) => done && onClose())
            }
          >
            {t('admin.publish.approve')}
          </FormSubmit>
        </ProvenOnly>
        <CloseButton onClose={onClose} />
      </Stack>
    </Paper>
  );
}

/**
 * The attached forms of a version, each with its file's size and SHA-256 start and 打开/下载: the approver opens
 * what approval will publish (art. 23) rather than approving a file name.
 */
export function ReviewForms({
  forms,
  staffId,
  dimmed,
}: {
  forms: NonNullable<ServiceItem['forms']>;
  staffId: string;
  dimmed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {forms.map((form, i) => (
        <Stack key={`${i}-${form.file.sha256}`} gap={2} role="group" aria-label={formHeading(form, t)}>
          <Text size="sm" c={dimmed ? 'dimmed' : undefined}>
            {formHeading(form, t)}
          </Text>
          <FormFile file={form.file} staffId={staffId} />
        </Stack>
      ))}
    </Stack>
  );
}

/** Back to the catalog list. */
export function CloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button variant="default" onClick={onClose}>
        {t('admin.publish.close')}
      </Button>
    </Group>
  );
}
