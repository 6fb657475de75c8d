import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingDate } from '../../../shared/rules/case.ts';
import { guideDateText, promisedLimitText, type GuideBureau } from '../../../shared/rules/guide/compose.ts';
import { commitmentsLink } from '../../../shared/rules/guide/link.ts';
import { useDesk } from '../../app/context.tsx';
import { useDepartments, useSettings } from '../../data/hooks.ts';
import { usePublishedGuides } from '../../data/publishedGuides.ts';
import { publicLinkOf } from '../../print/guide/links.ts';
import { guideLang } from '../../print/guide/words.ts';
import { GuidePrintPreview, type GuidePaperRequest } from './GuidePrintPreview.tsx';

// 公开承诺 (art. 20–23, issue 16): the published items this desk holds, each with its version and date, and the
// papers the bureau makes its commitments public with — a 明白纸 per item for the clerk to hand out, the 公示栏
// poster on A4 or A3 — and the public page's address. Every signed-in person may print them. Keyboard first: the
// rows are a list ↑↓ moves through, Enter prints the leaflet of the row.

export function PublicCommitmentScreen() {
  const { t, i18n } = useTranslation();
  const { db } = useDesk();
  const settings = useSettings(db);
  const departments = useDepartments(db);
  const guides = usePublishedGuides(db);
  const [request, setRequest] = useState<GuidePaperRequest | null>(null);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const lang = guideLang(i18n.language);

  const bureau = useMemo<GuideBureau | undefined>(
    () =>
      settings && {
        bureauName: settings.bureauName,
        consultPhone: settings.consultPhone,
        complaintPhone: settings.complaintPhone,
        publicBase: settings.publicRatingBase,
        departmentName: (id) => departments?.find((d) => d.id === id)?.name,
      },
    [settings, departments],
  );
  const address = publicLinkOf(settings?.publicRatingBase, commitmentsLink);

  const onRowKey = (i: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (!guides) return;
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : undefined;
    if (to !== undefined) {
      e.preventDefault();
      rows.current[Math.max(0, Math.min(guides.length - 1, to))]?.focus();
    } else if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      setRequest({ kind: 'leaflet', version: guides[i]! });
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={3}>{t('publicCommitment.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('publicCommitment.screen.intro')}
        </Text>
      </div>
      {address ? (
        <Text size="sm" data-testid="public-commitments-address">
          {t('publicCommitment.screen.publicPage')}
          <Anchor href={address} target="_blank" rel="noopener noreferrer">
            {address}
          </Anchor>
        </Text>
      ) : (
        settings && (
          <Alert color="gray" role="note">
            {t('publicCommitment.screen.noPublicBase')}
          </Alert>
        )
      )}
      <Group gap="xs">
        {(['A4', 'A3'] as const).map((sheet) => (
          <Button
            key={sheet}
            variant="default"
            disabled={!bureau || !guides?.length}
            onClick={() => guides && setRequest({ kind: 'poster', sheet, versions: guides })}
          >
            {t(sheet === 'A4' ? 'publicCommitment.screen.posterA4' : 'publicCommitment.screen.posterA3')}
          </Button>
        ))}
      </Group>
      {guides && guides.length === 0 && <Alert color="yellow">{t('publicCommitment.screen.empty')}</Alert>}
      {guides && guides.length > 0 && (
        <>
          <Text size="xs" c="dimmed">
            {t('publicCommitment.screen.keys')}
          </Text>
          <Table highlightOnHover data-testid="published-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('publicCommitment.screen.columns.name')}</Table.Th>
                <Table.Th>{t('publicCommitment.screen.columns.version')}</Table.Th>
                <Table.Th>{t('publicCommitment.screen.columns.date')}</Table.Th>
                <Table.Th>{t('publicCommitment.screen.columns.promised')}</Table.Th>
                <Table.Th>{t('publicCommitment.screen.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {guides.map((g, i) => (
                <Table.Tr
                  key={g.item.id}
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  tabIndex={0}
                  onKeyDown={onRowKey(i)}
                  data-item={g.item.id}
                >
                  <Table.Td>{g.item.name}</Table.Td>
                  <Table.Td>{t('publicCommitment.screen.versionNo', { rev: g.rev })}</Table.Td>
                  <Table.Td>{guideDateText(beijingDate(g.publishedAt), lang)}</Table.Td>
                  <Table.Td>{promisedLimitText(g.item, lang)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      disabled={!bureau}
                      aria-label={t('publicCommitment.screen.printLeafletOf', { item: g.item.name })}
                      onClick={() => setRequest({ kind: 'leaflet', version: g })}
                    >
                      {t('publicCommitment.screen.printLeaflet')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {request && bureau && (
        <GuidePrintPreview
          request={request}
          bureau={bureau}
          onClose={() => {
            setRequest(null);
          }}
        />
      )}
    </Stack>
  );
}
