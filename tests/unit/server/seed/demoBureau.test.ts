import { describe, expect, it } from 'vitest';
import { verifySecret } from '../../../../server/src/auth/pinHash.ts';
import {
  buildDemoBureau,
  buildDemoCredentials,
  DEMO_DEPARTMENTS,
  DEMO_PASSWORD,
  DEMO_PIN,
  DEMO_STAFF,
  demoSecretOf,
} from '../../../../server/src/seed/demoBureau.ts';
import { ROLES, type Staff } from '../../../../shared/model/reference.ts';
import { isHlc } from '../../../../shared/sync/hlc.ts';
import { isPrivilegedStaff, secretProblem } from '../../../../shared/sync/staffAuth.ts';

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

  it('puts no secret and no verifier into any reference doc, which every desk receives', () => {
    const text = JSON.stringify(docs);
    expect(text).not.toMatch(/pbkdf2|pinHash|verifier|1234|Nanyang2026/);
  });

  it('gives everyday staff the demo PIN and leaders, supervisors and admins the demo password', async () => {
    const credentials = new Map(buildDemoCredentials(now).map((c) => [c.staffId, c.verifier]));
    expect([...credentials.keys()].sort()).toEqual(staff.map((s) => s.id).sort());
    const clerk = credentials.get(DEMO_STAFF.windowClerk)!;
    const leader = credentials.get(DEMO_STAFF.leader)!;
    expect(await verifySecret(DEMO_PIN, clerk)).toBe(true);
    expect(await verifySecret(DEMO_PASSWORD, leader)).toBe(true);
    expect(await verifySecret(DEMO_PIN, leader)).toBe(false);
    for (const s of staff) {
      expect(secretProblem(demoSecretOf(s.id), isPrivilegedStaff(s)), s.id).toBeNull();
    }
    expect(demoSecretOf(DEMO_STAFF.supervisor)).toBe(DEMO_PASSWORD);
    expect(demoSecretOf(DEMO_STAFF.admin)).toBe(DEMO_PASSWORD);
    expect(demoSecretOf(DEMO_STAFF.highTechHead)).toBe(DEMO_PIN);
  }, 30_000); // fifteen verifiers at 600 000 PBKDF2 iterations each

  it('stamps each document rev 1 with a distinct HQ clock reading', () => {
    expect(docs.every((d) => d.rev === 1 && isHlc(d.hlc) && d.hlc.endsWith('-hq'))).toBe(true);
    expect(new Set(docs.map((d) => d.hlc)).size).toBe(docs.length);
    expect(new Set(docs.map((d) => `${d.kind}/${d.id}`)).size).toBe(docs.length);
  });
});
