import type { TFunction } from 'i18next';
import type { ComplaintLink } from '../../../shared/model/complaintEvents.ts';
import type { RecordHit } from '../../data/complaints/recordSearch.ts';

/**
 * A link as words: the record as this desk holds it (kind, who or what, which one), or the bare reference
 * (kind and id) when the record is held only elsewhere — a rating or follow-up, or a contact of another desk.
 */
export function linkLabel(t: TFunction, link: ComplaintLink, hit: RecordHit | undefined): string {
  const kind = t(`complaint.screen.linkKind.${link.kind}`);
  if (!hit) return `${kind} ${link.id}`;
  return `${kind} ${hit.title || t('complaint.link.unnamed')} · ${hit.detail}`;
}
