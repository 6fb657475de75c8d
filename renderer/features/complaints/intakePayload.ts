import type { z } from 'zod';
import { addDays, type IsoDate } from '../../../shared/rules/isoDate.ts';
import type {
  ComplaintChannel,
  ComplaintLink,
  complaintReceivedPayload,
} from '../../../shared/model/complaintEvents.ts';

export interface IntakeValues {
  readonly channel: ComplaintChannel;
  readonly receivedOn: string;
  readonly anonymous: boolean;
  readonly complainantName: string;
  readonly complainantPhone: string;
  readonly complainantOrg: string;
  readonly accusedStaffIds: readonly string[];
  readonly accusedDepartmentIds: readonly string[];
  readonly account: string;
  /** The desk's records it concerns: references only (kind + id), never their contents. */
  readonly links: readonly ComplaintLink[];
  readonly referenceNo: string;
}

/**
 * The intake form's values as the payload queueComplaint validates. What the form hides is not sent: a name typed
 * before 匿名 was ticked (an anonymous complainant stays anonymous), a work order number before the channel changed.
 */
export function intakePayload(v: IntakeValues): z.input<typeof complaintReceivedPayload> {
  return {
    channel: v.channel,
    receivedOn: v.receivedOn,
    complainant: v.anonymous
      ? { anonymous: true }
      : {
          anonymous: false,
          name: v.complainantName.trim(),
          phone: v.complainantPhone,
          organisation: v.complainantOrg.trim(),
        },
    accusedStaffIds: [...v.accusedStaffIds],
    accusedDepartmentIds: [...v.accusedDepartmentIds],
    account: v.account,
    links: [...v.links],
    ...(v.channel === 'referral12345' ? { referenceNo: v.referenceNo.trim() } : {}),
  };
}

/** A stored intake back in the form's values (a refused one, for the clerk to correct): nothing typed is lost. */
export function intakeValuesOf(p: z.output<typeof complaintReceivedPayload>): IntakeValues {
  const named = p.complainant.anonymous ? undefined : p.complainant;
  return {
    channel: p.channel,
    receivedOn: p.receivedOn,
    anonymous: p.complainant.anonymous,
    complainantName: named?.name ?? '',
    complainantPhone: named?.phone ?? '',
    complainantOrg: named?.organisation ?? '',
    accusedStaffIds: [...p.accusedStaffIds],
    accusedDepartmentIds: [...p.accusedDepartmentIds],
    account: p.account,
    links: [...p.links],
    referenceNo: p.referenceNo ?? '',
  };
}

/** HQ takes a complaint received at most this many days before its today (Beijing), never one dated after it. */
export const RECEIVED_ON_MAX_AGE_DAYS = 60;

/** The days the 受理日期 may be, from today (Beijing): the date input's min and max. */
export function receivedOnRange(today: IsoDate): { readonly min: IsoDate; readonly max: IsoDate } {
  return { min: addDays(today, -RECEIVED_ON_MAX_AGE_DAYS), max: today };
}

/** Why the 受理日期 would be refused by HQ (a message key), or undefined: said on the desk before it is queued. */
export function receivedOnCheck(receivedOn: string, today: IsoDate): string | undefined {
  // A malformed day is the payload schema's to word.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) return undefined;
  const { min, max } = receivedOnRange(today);
  if (receivedOn > max) return 'receivedOnFuture';
  if (receivedOn < min) return 'receivedOnTooOld';
  return undefined;
}
