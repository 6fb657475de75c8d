import type { ReferenceDoc } from '../../../../shared/model/reference.ts';

/** The bureau's settings document as HQ sends it, with the nightly sync time the admin chose. */
export const bureauSettings = (nightlySyncAt: string, rev = 1): ReferenceDoc => ({
  kind: 'settings',
  id: 'bureau',
  rev,
  hlc: `00000000000000${rev}-00000-hq`,
  updatedAt: '2026-11-28T00:00:00.000Z',
  body: {
    bureauName: '南阳市科学技术局',
    bureauCode: 'NYKJ',
    consultPhone: '0377-63176300',
    complaintPhone: '0377-63176399',
    idleLockMinutes: 10,
    nightlySyncAt,
  },
});
