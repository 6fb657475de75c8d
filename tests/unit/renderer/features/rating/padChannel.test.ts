import { afterEach, describe, expect, it } from 'vitest';
import {
  openPadChannel,
  type PadChannel,
  type PadMessage,
} from '../../../../../renderer/features/rating/padChannel.ts';
import { ratingErrorKey } from '../../../../../renderer/features/rating/ratingErrors.ts';
import { invalid } from '../../../../../renderer/data/operations.ts';

const CONTACT = '01JD5Z8Q4W2X3Y4Z5A6B7C8D9E';
const opened: PadChannel[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function pair(name: string): [PadChannel, PadChannel] {
  const desk = openPadChannel(name);
  const pad = openPadChannel(name);
  if (!desk || !pad) throw new Error('BroadcastChannel missing');
  opened.push(desk, pad);
  return [desk, pad];
}

function nextMessage(channel: PadChannel): Promise<PadMessage> {
  return new Promise((resolve) => {
    const stop = channel.subscribe((m) => {
      stop();
      resolve(m);
    });
  });
}

describe('the channel between a desk and its pad', () => {
  it('carries a request to rate a service from the desk to the pad', async () => {
    const [desk, pad] = pair('pad-test-1');
    const received = nextMessage(pad);
    const request = {
      kind: 'rate',
      requestId: 'r1',
      contactId: CONTACT,
      ratedStaffId: 'zhang-wei',
      recorderStaffId: 'zhang-wei',
    } as PadMessage;
    desk.post(request);
    await expect(received).resolves.toEqual(request);
  });

  it('drops whatever else is posted on it: a malformed request never reaches the pad', async () => {
    const [desk, pad] = pair('pad-test-2');
    const received = nextMessage(pad);
    const raw = new BroadcastChannel('pad-test-2');
    raw.postMessage({ kind: 'rate', requestId: 'x', contactId: 'not-a-ulid', ratedStaffId: 'zhang-wei' });
    raw.postMessage({ kind: 'rated', requestId: 'x', contactId: CONTACT, level: 'excellent' });
    raw.postMessage('rate');
    raw.close();
    desk.post({ kind: 'cancel', requestId: 'r2' });
    // The first message to arrive is the desk's valid cancel, not any of the three before it.
    await expect(received).resolves.toEqual({ kind: 'cancel', requestId: 'r2' });
  });

  it('refuses to post a malformed message at all', () => {
    const [desk] = pair('pad-test-3');
    expect(() => desk.post({ kind: 'showing', requestId: '', contactId: CONTACT } as PadMessage)).toThrow();
  });
});

describe('why a rating could not be recorded', () => {
  it('names the known refusals and nothing else', () => {
    expect(ratingErrorKey(invalid('contactId', 'ratingAlreadyGiven'))).toBe('rating.errors.ratingAlreadyGiven');
    expect(ratingErrorKey(invalid('ratedStaffId', 'ratingNotServedBy'))).toBe('rating.errors.ratingNotServedBy');
    expect(ratingErrorKey(new Error('QuotaExceededError: disk full'))).toBe('rating.errors.unknown');
    expect(ratingErrorKey(invalid('reasons', 'reasonsForLowRatingOnly'))).toBe('rating.errors.unknown');
  });
});
