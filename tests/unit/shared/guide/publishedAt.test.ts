import { describe, expect, it } from 'vitest';
import { publishedAtOf } from '../../../../shared/rules/guide/publishedAt.ts';
import { formatHlc } from '../../../../shared/sync/hlc.ts';

// 公开承诺 (regulation art. 20–23): every version of a guide carries one date, the same on the desk and the public
// site — the day it took effect, never the day the next version replaced it.

const PUBLISHED = '2026-12-01T02:00:00.000Z';
const WRITTEN = Date.parse('2026-11-20T01:00:00.000Z');
const REPLACED = '2026-12-02T03:00:00.000Z';
const hlc = formatHlc({ ms: WRITTEN, counter: 0, node: 'hq' });
const publication = {
  publishedAt: PUBLISHED,
  draftEventId: 'd',
  draftedBy: 'ma-jun',
  approvedBy: 'huang-xiuying',
} as never;

describe('publishedAtOf', () => {
  it('dates a version HQ published by its publication stamp, current or archived', () => {
    expect(publishedAtOf({ publication }, { kind: 'serviceItem', hlc, updatedAt: REPLACED })).toBe(PUBLISHED);
    expect(publishedAtOf({ publication }, { kind: 'serviceItemVersion', hlc, updatedAt: REPLACED })).toBe(PUBLISHED);
  });

  it('dates an archived version stored before issue 16 by its hlc, not by when the next version archived it', () => {
    expect(publishedAtOf({}, { kind: 'serviceItemVersion', hlc, updatedAt: REPLACED })).toBe(
      new Date(WRITTEN).toISOString(),
    );
  });

  it('dates the current version without a stamp by when its document was written', () => {
    expect(publishedAtOf({}, { kind: 'serviceItem', hlc, updatedAt: REPLACED })).toBe(REPLACED);
  });

  it('falls back to updatedAt for an archived version whose hlc cannot be read', () => {
    expect(publishedAtOf({}, { kind: 'serviceItemVersion', hlc: 'garbled', updatedAt: REPLACED })).toBe(REPLACED);
  });
});
