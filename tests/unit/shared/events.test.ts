import { describe, expect, it } from 'vitest';
import { deskEventSchema } from '../../../shared/model/events.ts';
import { contactOpenedPayload } from '../../../shared/model/contactEvents.ts';
import { envelopeSchema } from '../../../shared/model/envelope.ts';
import { referenceDocSchema, staffSchema } from '../../../shared/model/reference.ts';
import { pushRequestSchema, pullResponseSchema, SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import { contactOpened } from './builders.ts';

describe('event schemas', () => {
  it('accepts a well-formed contact.opened event', () => {
    const parsed = deskEventSchema.safeParse(contactOpened());
    expect(parsed.success).toBe(true);
  });

  it('requires the visitor to have a name or an organisation', () => {
    const r = contactOpenedPayload.safeParse({ ...contactOpened().payload, visitor: { phone: '13800138000' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('visitorRequired');
  });

  it('requires a matter, and a valid phone when one is given', () => {
    const noMatter = contactOpenedPayload.safeParse({ ...contactOpened().payload, matter: '   ' });
    expect(noMatter.error?.issues[0]?.message).toBe('matterRequired');
    const badPhone = contactOpenedPayload.safeParse({
      ...contactOpened().payload,
      visitor: { name: '张三', phone: '138001' },
    });
    expect(badPhone.error?.issues[0]?.message).toBe('invalidPhone');
  });

  it('refuses an envelope without ULID, HLC or positive deviceSeq', () => {
    const e = contactOpened();
    expect(envelopeSchema.safeParse({ ...e, eventId: 'not-a-ulid' }).success).toBe(false);
    expect(envelopeSchema.safeParse({ ...e, hlc: '2026-11-28' }).success).toBe(false);
    expect(envelopeSchema.safeParse({ ...e, deviceSeq: 0 }).success).toBe(false);
  });

  it('refuses an unknown event type', () => {
    expect(deskEventSchema.safeParse({ ...contactOpened(), type: 'contact.deleted' }).success).toBe(false);
  });

  it('validates the sync wire format', () => {
    const e = contactOpened();
    expect(
      pushRequestSchema.safeParse({ deviceId: e.deviceId, formatVersion: SYNC_FORMAT_VERSION, events: [e] }).success,
    ).toBe(true);
    expect(pushRequestSchema.safeParse({ deviceId: 'x', formatVersion: 1, events: [] }).success).toBe(false);
    const page = {
      formatVersion: 1,
      events: [{ seq: 1, receivedAt: '2026-11-28T01:00:00.000Z', event: e }],
      references: [],
      nextCursor: 1,
      hasMore: false,
    };
    expect(pullResponseSchema.safeParse(page).success).toBe(true);
  });
});

describe('reference documents', () => {
  const staff = {
    id: 'zhang-wei',
    name: '张伟',
    departmentId: 'dept-window',
    rank: 'clerk',
    title: '科员',
    phone: '0377-63176301',
    roles: ['clerk'],
    pinHash: 'pbkdf2-sha256$1000$c2FsdA==$aGFzaA==',
    active: true,
  };
  it('accepts a staff member with rank, roles and PIN hash', () => {
    expect(staffSchema.safeParse(staff).success).toBe(true);
  });
  it('refuses a staff member without any role or with an unknown rank', () => {
    expect(staffSchema.safeParse({ ...staff, roles: [] }).success).toBe(false);
    expect(staffSchema.safeParse({ ...staff, rank: 'emperor' }).success).toBe(false);
  });
  it('types a reference document by its kind', () => {
    const doc = {
      kind: 'staff',
      id: 'zhang-wei',
      rev: 1,
      hlc: 'h',
      updatedAt: '2026-11-28T01:00:00.000Z',
      body: staff,
    };
    expect(referenceDocSchema.safeParse(doc).success).toBe(true);
    expect(referenceDocSchema.safeParse({ ...doc, kind: 'agency' }).success).toBe(false);
  });
});
