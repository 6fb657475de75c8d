import { Alert, Button, Select, Stack, Tabs, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import type { Directory } from '../../data/hooks.ts';
import { assignContact, invalid, reviewRefusal } from '../../data/operations.ts';
import { ProvenOnly } from '../../app/ProvenOnly.tsx';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm, type BoundField } from '../../forms/useDeskForm.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

interface Props {
  contact: ContactRow;
  staff: Staff;
  directory: Directory;
}

function StaffSelect({
  directory,
  label,
  ...bound
}: { directory: Directory; label: string } & BoundField<string | null>) {
  const deptName = new Map(directory.departments.map((d) => [d.id, d.name]));
  const data = [...directory.staffById.values()]
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: `${s.name}（${deptName.get(s.departmentId) ?? ''} ${s.title}）` }));
  return <Select label={label} data={data} {...bound} searchable />;
}

/** art. 8(4): the leader decides who handles a matter whose jurisdiction was unclear (online, proven). */
export function AssignForm(props: Props) {
  return (
    <ProvenOnly staff={props.staff}>
      <Assign {...props} />
    </ProvenOnly>
  );
}

function Assign({ contact, staff, directory }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { toStaffId: null as string | null, note: '' },
    check: (v) => ({ toStaffId: v.toStaffId ? undefined : 'staffRequired' }),
    decision: true,
  });
  return (
    <Stack gap="sm">
      <StaffSelect label={t('contact.assignTo')} directory={directory} {...field('toStaffId')} />
      <TextInput label={t('contact.assignNote')} maxLength={LIMITS.note} {...form.getInputProps('note')} />
      <FormSubmit
        formError={formError}
        busy={busy}
        onClick={() =>
          void submit(
            (v) => assignContact(db, author, contact.contactId, { toStaffId: v.toStaffId as StaffId, note: v.note }),
            { keep: true },
          )
        }
      >
        {t('contact.saveAssign')}
      </FormSubmit>
    </Stack>
  );
}

/** 说"不"提级管理: the leader approves the "no", or overrules it and assigns a handler (online, proven). */
export function RefusalReview(props: Props) {
  return (
    <ProvenOnly staff={props.staff}>
      <Review {...props} />
    </ProvenOnly>
  );
}

function Review({ contact, staff, directory }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  // One store for both tabs, as before: approving needs no field, overruling names who handles it and why.
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { note: '', assignToStaffId: null as string | null },
    decision: true,
  });
  const decisionError = typeof form.errors.decision === 'string' ? form.errors.decision : undefined;
  return (
    <Tabs defaultValue="approve">
      <Tabs.List>
        <Tabs.Tab value="approve">{t('contact.approveRefusal')}</Tabs.Tab>
        <Tabs.Tab value="overrule">{t('contact.overruleRefusal')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="approve" pt="sm">
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          {decisionError && <Alert color="red">{decisionError}</Alert>}
          <Button
            color="gray"
            loading={busy}
            onClick={() =>
              void submit(() => reviewRefusal(db, author, contact.contactId, { decision: 'approved' }), { keep: true })
            }
          >
            {t('contact.approveRefusal')}
          </Button>
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="overrule" pt="sm">
        <Stack gap="sm">
          <Textarea
            label={t('contact.overruleReason')}
            maxLength={LIMITS.reason}
            {...form.getInputProps('note')}
            autosize
            minRows={2}
          />
          <StaffSelect label={t('contact.assignTo')} directory={directory} {...field('assignToStaffId')} />
          <FormSubmit
            formError={formError}
            busy={busy}
            onClick={() =>
              void submit(
                (v) =>
                  v.assignToStaffId
                    ? reviewRefusal(db, author, contact.contactId, {
                        decision: 'overruled',
                        note: v.note,
                        assignToStaffId: v.assignToStaffId as StaffId,
                      })
                    : Promise.reject(invalid('assignToStaffId', 'staffRequired')),
                { keep: true },
              )
            }
          >
            {t('contact.overruleRefusal')}
          </FormSubmit>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
