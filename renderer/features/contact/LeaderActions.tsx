import { Alert, Button, Select, Stack, Tabs, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import type { Directory } from '../../data/hooks.ts';
import { assignContact, invalid, reviewRefusal } from '../../data/operations.ts';
import { ProvenOnly } from '../../app/ProvenOnly.tsx';
import { useDecision } from './useDecision.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

interface Props {
  contact: ContactRow;
  staff: Staff;
  directory: Directory;
}

function StaffSelect({
  directory,
  value,
  onChange,
  error,
  label,
}: {
  directory: Directory;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
  label: string;
}) {
  const deptName = new Map(directory.departments.map((d) => [d.id, d.name]));
  const data = [...directory.staffById.values()]
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: `${s.name}（${deptName.get(s.departmentId) ?? ''} ${s.title}）` }));
  return <Select label={label} data={data} value={value} onChange={onChange} searchable error={error} />;
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
  const { errors, busy, run } = useDecision();
  const [toStaffId, setToStaffId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Stack gap="sm">
      <StaffSelect
        label={t('contact.assignTo')}
        directory={directory}
        value={toStaffId}
        onChange={setToStaffId}
        error={errors.toStaffId}
      />
      <TextInput
        label={t('contact.assignNote')}
        maxLength={LIMITS.note}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        loading={busy}
        onClick={() =>
          void run(() =>
            toStaffId
              ? assignContact(db, author, contact.contactId, { toStaffId: toStaffId as StaffId, note })
              : Promise.reject(invalid('toStaffId', 'staffRequired')),
          )
        }
      >
        {t('contact.saveAssign')}
      </Button>
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
  const { errors, busy, run } = useDecision();
  const [note, setNote] = useState('');
  const [assignTo, setAssignTo] = useState<string | null>(null);
  return (
    <Tabs defaultValue="approve">
      <Tabs.List>
        <Tabs.Tab value="approve">{t('contact.approveRefusal')}</Tabs.Tab>
        <Tabs.Tab value="overrule">{t('contact.overruleRefusal')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="approve" pt="sm">
        <Stack gap="sm">
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          {errors.decision && <Alert color="red">{errors.decision}</Alert>}
          <Button
            color="gray"
            loading={busy}
            onClick={() => void run(() => reviewRefusal(db, author, contact.contactId, { decision: 'approved' }))}
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
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
          />
          <StaffSelect
            label={t('contact.assignTo')}
            directory={directory}
            value={assignTo}
            onChange={setAssignTo}
            error={errors.assignToStaffId}
          />
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          <Button
            loading={busy}
            onClick={() =>
              void run(() =>
                assignTo
                  ? reviewRefusal(db, author, contact.contactId, {
                      decision: 'overruled',
                      note,
                      assignToStaffId: assignTo as StaffId,
                    })
                  : Promise.reject(invalid('assignToStaffId', 'staffRequired')),
              )
            }
          >
            {t('contact.overruleRefusal')}
          </Button>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
