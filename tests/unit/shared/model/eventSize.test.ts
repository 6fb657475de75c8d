import { describe, expect, it } from 'vitest';
import { deskEventSchema, deskEventShapeSchema } from '../../../../shared/model/events.ts';
import { serviceItemSchema } from '../../../../shared/model/catalog.ts';
import {
  jsonBytes,
  MAX_EVENT_BYTES,
  PROOF_ROOM_BYTES,
  utf8Length,
  withinEventBytes,
} from '../../../../shared/model/eventSize.ts';
import { LIMITS } from '../../../../shared/model/limits.ts';
import { composeChecklist } from '../../../../shared/rules/slips/checklist.ts';
import { MAX_PUSH_BYTES, pulledEventSchema } from '../../../../shared/sync/protocol.ts';
import { longChecklist, makeSlipPrinted, slipEventOfBytes } from '../../../fixtures/bigSlips.ts';
import { newDeviceId } from '../../../fixtures/events.ts';
import { issue } from '../../../fixtures/slipSubjects.ts';
import { maxJsonBytes, variantsByType } from '../../server/http/schemaBounds.ts';

// Every event has a largest size (issue 10): a slip.printed event's content had no bound as a whole, so a desk
// could hold events no push could carry and retry them for ever.

const stamp = (deviceSeq: number) => ({ deviceId: newDeviceId(), deviceSeq, staffId: 'zhang-wei' });
const zh = (n: number) => '字'.repeat(n);

/** A catalog item with every text, list and number at the schema's limit, in Chinese (3 bytes a character). */
const LARGEST_ITEM = serviceItemSchema.parse({
  id: 'x'.repeat(LIMITS.slug),
  name: zh(LIMITS.serviceItemName),
  category: 'enterprise',
  legalBasis: zh(LIMITS.legalBasis),
  conditions: Array.from({ length: LIMITS.itemLines }, () => zh(LIMITS.condition)),
  procedure: Array.from({ length: LIMITS.itemLines }, () => zh(LIMITS.procedureStep)),
  materials: Array.from({ length: LIMITS.itemMaterials }, (_, i) => ({
    id: `material-${i}`,
    name: zh(LIMITS.materialName),
    originals: 20,
    copies: 20,
    format: zh(LIMITS.materialFormat),
    requirement: 'conditional',
    condition: zh(LIMITS.condition),
    notes: zh(LIMITS.note),
    sampleRef: zh(LIMITS.sampleRef),
  })),
  statutoryLimitDays: 365,
  promisedLimitDays: 365,
  fee: { kind: 'charged', standard: zh(LIMITS.fee), basis: zh(LIMITS.fee) },
  departmentId: 'dept-high-tech',
  submitAt: zh(LIMITS.address),
  consultPhone: '0377-63176306',
  complaintPhone: '0377-63176300',
  active: true,
});

describe('utf8Length', () => {
  it('counts bytes as UTF-8 does: ASCII 1, Chinese 3, a character beyond the BMP 4', () => {
    for (const text of ['', 'abc', '南阳市科学技术局', 'é', '𠀀 and 😀', 'mixed 字 x 𠮷']) {
      expect(utf8Length(text), text).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('counts a lone surrogate as the replacement character that stands for it', () => {
    expect(utf8Length('\uD800')).toBe(3);
    expect(utf8Length('a\uDC00b')).toBe(5);
  });
});

describe('the largest event', () => {
  it('holds the largest legitimate events twice over', () => {
    const slip = (content: ReturnType<typeof longChecklist>) => jsonBytes(makeSlipPrinted(stamp(1), content));
    // The 30-material checklist the print tests lay out over many pages.
    expect(slip(longChecklist(1))).toBeLessThan(MAX_EVENT_BYTES / 10);
    // The checklist of a catalog item at every limit, and that item saved by an admin.
    const largestChecklist = composeChecklist(issue(), { item: LARGEST_ITEM, rev: 1 });
    expect(slip(largestChecklist)).toBeGreaterThan(200_000);
    expect(slip(largestChecklist)).toBeLessThan(MAX_EVENT_BYTES / 2);
    const { defs, variants } = variantsByType(deskEventSchema);
    expect(maxJsonBytes(variants.get('catalog.itemSaved')!, defs)).toBeLessThan(MAX_EVENT_BYTES / 2);
    expect(maxJsonBytes(variants.get('calendar.yearProposed')!, defs)).toBeLessThan(MAX_EVENT_BYTES / 2);
  });

  it('keeps room for the longest proof an event without one may still get', () => {
    const proof = { sessionId: 'A'.repeat(22), mac: 'B'.repeat(43) };
    const event = { eventId: 'x' };
    expect(jsonBytes({ ...event, proof }) - jsonBytes(event)).toBeLessThanOrEqual(PROOF_ROOM_BYTES);
  });

  it('always fits in a push with its envelope, 31 times', () => {
    expect(MAX_PUSH_BYTES).toBeGreaterThanOrEqual(31 * MAX_EVENT_BYTES + 1024);
  });
});

describe('deskEventSchema', () => {
  it('takes a slip event at the bound, room for its proof kept, and refuses one a byte over', () => {
    const atBound = slipEventOfBytes(stamp(7), MAX_EVENT_BYTES - PROOF_ROOM_BYTES);
    expect(jsonBytes(atBound)).toBe(MAX_EVENT_BYTES - PROOF_ROOM_BYTES);
    expect(deskEventSchema.safeParse(atBound).success).toBe(true);

    const over = slipEventOfBytes(stamp(8), MAX_EVENT_BYTES - PROOF_ROOM_BYTES + 1);
    const refused = deskEventSchema.safeParse(over);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.message)).toEqual(['eventTooLarge']);
  });

  it('measures a proven event with its proof, without further room', () => {
    const proof = { sessionId: 'A'.repeat(22), mac: 'B'.repeat(43) };
    const sample = slipEventOfBytes(stamp(9), 50_000);
    const proofBytes = jsonBytes({ ...sample, proof }) - 50_000;
    const full = slipEventOfBytes(stamp(10), MAX_EVENT_BYTES - proofBytes);
    expect(jsonBytes({ ...full, proof })).toBe(MAX_EVENT_BYTES);
    expect(deskEventSchema.safeParse({ ...full, proof }).success).toBe(true);
    expect(withinEventBytes({ ...full, proof: { ...proof, mac: `${proof.mac}x` } })).toBe(false);
    expect(deskEventSchema.safeParse(full).success).toBe(false); // without it, no room left for one
  });

  it('counts bytes, not characters: a slip of Chinese text is bound three times sooner than one of ASCII', () => {
    const chinese = slipEventOfBytes(stamp(11), MAX_EVENT_BYTES + 3000);
    const characters = JSON.stringify(chinese).length;
    expect(characters).toBeLessThan(MAX_EVENT_BYTES / 2);
    expect(deskEventSchema.safeParse(chinese).success).toBe(false);
  });

  it('still reads an oversized event that a server stored before the bound, when pulled', () => {
    const old = slipEventOfBytes(stamp(12), 2 * MAX_EVENT_BYTES);
    expect(deskEventShapeSchema.safeParse(old).success).toBe(true);
    expect(pulledEventSchema.safeParse({ seq: 5, receivedAt: new Date().toISOString(), event: old }).success).toBe(
      true,
    );
  });
});
