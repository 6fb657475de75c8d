import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { transferNoteVariant } from '../../../shared/rules/slips/transfer.ts';
import { useDesk } from '../../app/context.tsx';
import type { CaseRow, ContactRow } from '../../data/db.ts';
import { useSlipsOf } from '../../data/slipHooks.ts';
import type { CaseSlipKind, SlipRequest } from '../../data/slipSources.ts';
import { IssuedSlips } from './IssuedSlips.tsx';
import type { SlipPreviewMode } from './SlipPreview.tsx';

// The preview brings the print templates, the QR encoder and react-dom/server: loaded when a slip is opened.
const SlipPreview = lazy(async () => ({ default: (await import('./SlipPreview.tsx')).SlipPreview }));

export type SlipSubject = { kind: 'case'; row: CaseRow } | { kind: 'contact'; row: ContactRow };

interface Offer {
  readonly request: SlipRequest;
  readonly title: string;
}

/** Which slips this case or contact can be given now (chapter 3: each step of the case has its notice). */
function useOffers(subject: SlipSubject): Offer[] {
  const { t } = useTranslation();
  if (subject.kind === 'contact') {
    const variant = transferNoteVariant(subject.row);
    if (!variant) return [];
    const title = t(variant === 'transfer' ? 'slips.kinds.transferNote' : 'slips.kinds.referralNote');
    return [{ request: { kind: 'transferNote', contactId: subject.row.contactId, variant }, title }];
  }
  const { caseId, status } = subject.row;
  const offer = (kind: CaseSlipKind): Offer => ({
    request: { kind, caseId },
    title: t(`slips.kinds.${kind}`),
  });
  return [
    offer('checklist'),
    ...(status === 'supplementRequested' ? [offer('supplementNotice')] : []),
    ...(status === 'running' || status === 'completed' ? [offer('acceptanceReceipt')] : []),
    // art. 8(二): only once a leader approved the rejection; a proposal waiting for the leader has no notice.
    ...(status === 'rejected' && subject.row.rejection ? [offer('rejectionNotice')] : []),
    ...(status === 'withdrawn' ? [offer('withdrawalNotice')] : []),
    ...(status === 'closed' ? [offer('closureNotice')] : []),
  ];
}

/** The slips that can be printed for a case or a contact, and those already issued, with their reprints. */
export function SlipActions({ subject, staff }: { subject: SlipSubject; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const subjectId = subject.kind === 'case' ? subject.row.caseId : subject.row.contactId;
  const issued = useSlipsOf(db, subjectId) ?? [];
  const offers = useOffers(subject);
  const [open, setOpen] = useState<SlipPreviewMode | null>(null);
  if (offers.length === 0 && issued.length === 0) return null;
  return (
    <Paper withBorder p="xs" data-testid="slip-actions">
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('slips.title')}
          </Text>
          {offers.map((offer) => (
            <Button
              key={offer.request.kind}
              size="compact-sm"
              variant="light"
              onClick={() => setOpen({ type: 'issue', request: offer.request, title: offer.title })}
            >
              {offer.title}
            </Button>
          ))}
        </Group>
        <IssuedSlips slips={issued} onReprint={(row) => setOpen({ type: 'reprint', row })} />
      </Stack>
      {open && (
        <Suspense fallback={null}>
          <SlipPreview mode={open} staff={staff} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </Paper>
  );
}
