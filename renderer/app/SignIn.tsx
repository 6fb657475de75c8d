import { Alert, Button, Center, Paper, Select, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveStaff, useDepartments } from '../data/hooks.ts';
import { SyncIndicator } from '../features/sync/SyncIndicator.tsx';
import { useSession } from '../stores/session.ts';
import { useDesk } from './context.tsx';
import { AppHeading } from './AppHeading.tsx';
import { SecretInput } from './SecretInput.tsx';
import { useSignInAttempt } from './useSignInAttempt.ts';

export function SignIn() {
  const { t } = useTranslation();
  const { db } = useDesk();
  const staff = useActiveStaff(db);
  const departments = useDepartments(db);
  const signIn = useSession((s) => s.signIn);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  const { attempt, error, setError, checking } = useSignInAttempt();

  const deptName = new Map(departments?.map((d) => [d.id, d.name]));
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const s of staff ?? []) {
    const group = deptName.get(s.departmentId) ?? s.departmentId;
    groups.set(group, [...(groups.get(group) ?? []), { value: s.id, label: `${s.name}（${s.title}）` }]);
  }
  const data = [...groups].map(([group, items]) => ({ group, items }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = staff?.find((s) => s.id === staffId);
    if (!chosen) return setError(t('signIn.chooseFirst'));
    const outcome = await attempt(chosen, secret);
    setSecret('');
    if (outcome?.kind === 'online') signIn(chosen, outcome.session);
    else if (outcome?.kind === 'offline') signIn(chosen, null);
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        <form onSubmit={submit}>
          <Stack gap="md">
            <AppHeading />
            <Title order={4}>{t('signIn.title')}</Title>
            {staff && staff.length === 0 && <Alert color="yellow">{t('signIn.noStaff')}</Alert>}
            <Select
              label={t('signIn.chooseYourself')}
              placeholder={t('signIn.searchStaff')}
              data={data}
              value={staffId}
              onChange={(v) => {
                setStaffId(v);
                setError(null);
              }}
              searchable
              autoFocus
              nothingFoundMessage="—"
            />
            <SecretInput value={secret} onChange={setSecret} error={error} withHint />
            <Button type="submit" loading={checking} fullWidth>
              {t('signIn.submit')}
            </Button>
            <SyncIndicator />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
