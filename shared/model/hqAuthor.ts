import type { DeviceId, StaffId } from './ids.ts';

// 好差评 by the QR code on a slip (issue 13): the applicant rates on HQ's public page, not at a desk. The rating is
// an event like any other, so it needs an author in the envelope; these two name HQ's page and the applicant.

/**
 * The "device" of HQ's public rating page. A valid ULID whose time part is 0 (1970): desks get their ids from
 * enrolment, which mints a ULID of the moment (server/src/auth/enrolment.ts), so no desk can ever hold this one,
 * and a push is bound to the pushing desk's own id (server/src/sync/ingest.ts), so no desk can write as HQ's page.
 */
export const HQ_RATING_DEVICE_ID = '0000000000HQRAT1NGQR000000' as DeviceId;

/**
 * Who rated by QR: the applicant, who has no account. Not a staff member: the staff directory refuses this id
 * (shared/model/reference.ts), so no desk event can be signed with it (the push checks its author is active staff).
 */
export const APPLICANT_STAFF_ID = 'applicant' as StaffId;
