import type { PaperFormat, SlipContent, SlipKind, SlipSerial } from '../../model/slip.ts';
import type { SlipEvent, SlipSubject } from '../../model/slipEvents.ts';
import type { StaffId } from '../../model/ids.ts';
import { byCausalOrder } from '../contact.ts';

export interface SlipPrint {
  readonly eventId: string;
  readonly at: string;
  readonly by: StaffId;
  readonly deviceId: string;
  readonly format: PaperFormat;
  /** 0 for the first print; the count the paper showed for a reprint. */
  readonly reprint: number;
}

export interface SlipState {
  readonly slipId: string;
  readonly serial: SlipSerial;
  readonly kind: SlipKind;
  readonly title: string;
  readonly issuedOn: string;
  readonly subject: SlipSubject;
  readonly subjectId: string;
  /** The content as first printed: what every reprint prints again. */
  readonly content: SlipContent;
  /** The first print's event, which every reprint points at. */
  readonly originalEventId: string;
  /** Every print, first one first. */
  readonly prints: readonly SlipPrint[];
  /**
   * Two desks reprinting one slip while apart may both have printed 补打（第1次）: the paper said what it said,
   * and the record keeps both; `reprints` is how many reprints there really were.
   */
  readonly reprints: number;
}

export function subjectIdOf(subject: SlipSubject): string {
  return subject.kind === 'case' ? subject.caseId : subject.contactId;
}

/** One slip from its print events; order-independent like the other folds. Null with no events. */
export function foldSlip(events: readonly SlipEvent[]): SlipState | null {
  const unique = new Map<string, SlipEvent>();
  for (const e of events) unique.set(e.eventId, e);
  const ordered = [...unique.values()].sort(byCausalOrder);
  // The original is the first print (reprint 0); should only reprints have arrived, the earliest stands in.
  const original = ordered.find((e) => e.payload.reprint === 0) ?? ordered[0];
  if (!original) return null;
  const { content, subject, serial } = original.payload;
  return {
    slipId: original.aggregateId,
    serial,
    kind: content.kind,
    title: content.title,
    issuedOn: content.issuedOn,
    subject,
    subjectId: subjectIdOf(subject),
    content,
    originalEventId: original.eventId,
    prints: ordered.map((e) => ({
      eventId: e.eventId,
      at: e.occurredAt,
      by: e.staffId,
      deviceId: e.deviceId,
      format: e.payload.format,
      reprint: e.payload.reprint,
    })),
    reprints: ordered.filter((e) => e.payload.reprint > 0).length,
  };
}

/** What a reprint records: the original content and serial, unchanged, pointing at the first print, counted. */
export function reprintPayload(state: SlipState, format: PaperFormat) {
  return {
    serial: state.serial,
    subject: state.subject,
    format,
    content: state.content,
    reprintOf: state.originalEventId,
    reprint: state.reprints + 1,
  };
}
