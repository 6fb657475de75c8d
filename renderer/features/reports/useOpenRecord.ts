import { useCallback, useState } from 'react';
import type { DeskDb } from '../../data/db.ts';
import { useComplaintFocus } from '../../stores/complaintFocus.ts';
import { useRectificationFocus } from '../../stores/rectificationFocus.ts';
import type { OpenRecord } from './RecordButton.tsx';
import { contactOfRecord, recordKind } from './recordTarget.ts';

/**
 * Opening the record behind a fact or a warning card: a contact (or the contact a case came from) in its drawer on
 * this screen; a rating in the 好差评 tab's drawer; a complaint in the 投诉处理 tab, where HQ checks the reader's
 * standing again. A record this desk has not synced yet is 'notHere' (the button then says so).
 */
export function useOpenRecord(db: DeskDb) {
  const [contactId, setContactId] = useState<string>();
  const openRating = useRectificationFocus((s) => s.open);
  const openComplaint = useComplaintFocus((s) => s.open);
  const open: OpenRecord = useCallback(
    async (kind, recordId, code) => {
      switch (recordKind(kind, code)) {
        case 'rating':
          openRating({ origin: 'rating', key: recordId });
          return 'opened';
        case 'complaint':
          openComplaint({ kind: 'complaint', complaintId: recordId });
          return 'opened';
        case 'desk': {
          const contact = await contactOfRecord(db, recordId);
          if (!contact) return 'notHere';
          setContactId(contact);
          return 'opened';
        }
        default:
          return 'notHere';
      }
    },
    [db, openRating, openComplaint],
  );
  return { open, contactId, close: () => setContactId(undefined) };
}
