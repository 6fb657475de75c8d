import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '../../../../shared/model/envelope.ts';
import { APPLICANT_STAFF_ID, HQ_RATING_DEVICE_ID } from '../../../../shared/model/hqAuthor.ts';
import { deviceIdSchema } from '../../../../shared/model/ids.ts';
import { staffSchema } from '../../../../shared/model/reference.ts';
import { createUlidFactory } from '../../../../shared/rules/ulid.ts';

// Issue 13: a QR rating is authored by HQ's page for the applicant; neither author can be a desk or a staff member.

describe('the authors of a QR rating', () => {
  it('HQ’s page has a valid device id that no enrolment can mint (its ULID time is 1970)', () => {
    expect(deviceIdSchema.safeParse(HQ_RATING_DEVICE_ID).success).toBe(true);
    const mint = createUlidFactory((n) => new Uint8Array(n));
    // Enrolment mints a ULID of the moment; any moment since the bureau's first year starts otherwise.
    expect(mint(Date.UTC(2020, 0, 1)).slice(0, 10)).not.toBe(HQ_RATING_DEVICE_ID.slice(0, 10));
    expect(HQ_RATING_DEVICE_ID.slice(0, 10)).toBe('0000000000');
  });

  it('the applicant may author an event, but no staff member may carry their id', () => {
    expect(envelopeSchema.shape.staffId.safeParse(APPLICANT_STAFF_ID).success).toBe(true);
    const person = {
      id: APPLICANT_STAFF_ID,
      name: '假冒',
      departmentId: 'office',
      rank: 'clerk',
      title: '科员',
      roles: ['clerk'],
      active: true,
    };
    const refused = staffSchema.safeParse(person);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['id'], message: 'reservedStaffId' });
    expect(staffSchema.safeParse({ ...person, id: 'applicant-2' }).success).toBe(true);
  });
});
