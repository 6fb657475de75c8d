import { describe, expect, it } from 'vitest';
import { verifyPin } from '../../../../server/src/auth/pinHash.ts';
import { buildDemoBureau, DEMO_DEPARTMENTS, DEMO_PIN, DEMO_STAFF } from '../../../../server/src/seed/demoBureau.ts';
import { ROLES, type Staff } from '../../../../shared/model/reference.ts';
import { isHlc } from '../../../../shared/sync/hlc.ts';

describe('the demo bureau', () => {
  const now = Date.parse('2026-01-05T08:00:00Z');
  const docs = buildDemoBureau(now);
  const staff = docs.flatMap((d) => (d.kind === 'staff' ? [d.body] : [])) as Staff[];
  const ids = (kind: string) => docs.filter((d) => d.kind === kind).map((d) => d.id);

  it('is 南阳市科学技术局 with the published complaint hotline', () => {
    const settings = docs.find((d) => d.kind === 'settings');
    expect(settings?.body).toMatchObject({
      bureauName: '南阳市科学技术局',
      bureauCode: 'NYKJ',
      complaintPhone: '0377-63176300',
      idleLockMinutes: 5,
      nightlySyncAt: '02:30',
    });
  });

  it('has every role someone must play, and the ids the tests rely on', () => {
    for (const role of ROLES)
      expect(
        staff.some((s) => s.active && s.roles.includes(role)),
        role,
      ).toBe(true);
    expect(ids('staff')).toEqual(expect.arrayContaining(Object.values(DEMO_STAFF)));
    expect(ids('department')).toEqual(expect.arrayContaining(Object.values(DEMO_DEPARTMENTS)));
    expect(staff.find((s) => s.id === DEMO_STAFF.windowClerk)).toMatchObject({ departmentId: 'dept-window' });
    expect(staff.filter((s) => s.departmentId === 'dept-window' && s.roles.includes('clerk')).length).toBeGreaterThan(
      1,
    );
  });

  it('places every staff member in a department that exists and gives each a phone', () => {
    for (const s of staff) {
      expect(ids('department')).toContain(s.departmentId);
      expect(s.phone).toBeTruthy();
    }
  });

  it('gives every demo staff member the demo PIN', () => {
    expect(verifyPin(DEMO_PIN, staff[0]!.pinHash)).toBe(true);
    expect(verifyPin(DEMO_PIN, staff.at(-1)!.pinHash)).toBe(true);
  });

  it('stamps each document rev 1 with a distinct HQ clock reading', () => {
    expect(docs.every((d) => d.rev === 1 && isHlc(d.hlc) && d.hlc.endsWith('-hq'))).toBe(true);
    expect(new Set(docs.map((d) => d.hlc)).size).toBe(docs.length);
    expect(new Set(docs.map((d) => `${d.kind}/${d.id}`)).size).toBe(docs.length);
  });
});
