import { describe, expect, it } from 'vitest';
import { MAX_WAITERS_PER_DESK, PadRelayState, REQUEST_TTL_MS } from '../../../../server/src/http/padRelayState.ts';
import type { PadRateRequest } from '../../../../shared/sync/padRelay.ts';

// What HQ relays between a desk and its tablets lives only while the applicant is at the window.

const request = (requestId: string) =>
  ({
    requestId,
    contactId: '01J0000000000000000000000A',
    ratedStaffId: 'zhang-wei',
    staffName: '张伟',
    staffTitle: '科员',
    departmentName: '政务服务窗口',
  }) as PadRateRequest;

describe('the tablet relay state', () => {
  it('drops a request nobody answered within the time an applicant waits, so it cannot be answered later', () => {
    let now = 0;
    const relay = new PadRelayState(() => now);
    relay.post('desk', request('r1'));
    now = REQUEST_TTL_MS + 1;
    expect(relay.showFor('desk')).toBeNull();
    expect(relay.answer('desk', 'r1', { level: 'satisfied', reasons: [], comment: undefined })).toBe(false);
    expect(relay.state('desk', 'r1')).toBe('cancelled');
  });

  it('gives the answer once, and only to the desk whose request it was', () => {
    const relay = new PadRelayState();
    relay.post('desk', request('r1'));
    expect(relay.answer('other', 'r1', { level: 'satisfied', reasons: [], comment: undefined })).toBe(false);
    expect(relay.answer('desk', 'r1', { level: 'satisfied', reasons: [], comment: undefined })).toBe(true);
    expect(relay.collect('other', 'r1')).toBeNull();
    expect(relay.collect('desk', 'r1')).toMatchObject({ level: 'satisfied' });
    expect(relay.collect('desk', 'r1')).toBeNull();
  });

  it('wakes a held poll when the desk asks, and refuses more polls than a desk may hold', async () => {
    const relay = new PadRelayState();
    const held = relay.wait('desk', 10_000, () => undefined);
    expect(held).not.toBe(false);
    relay.post('desk', request('r1'));
    await expect(held).resolves.toBe(true);
    const many = Array.from({ length: MAX_WAITERS_PER_DESK }, () => relay.wait('desk', 50, () => undefined));
    expect(many.every((w) => w !== false)).toBe(true);
    expect(relay.wait('desk', 50, () => undefined)).toBe(false);
    relay.releaseAll();
    await Promise.all(many);
    expect(relay.closing).toBe(true);
  });
});
