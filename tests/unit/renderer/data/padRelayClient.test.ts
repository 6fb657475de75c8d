import { describe, expect, it } from 'vitest';
import { PadRelayError, relayCall } from '../../../../renderer/data/padRelayCall.ts';
import { localTabletStore, padRelayTablet } from '../../../../renderer/data/padRelayTablet.ts';
import { padTabletRequestSchema } from '../../../../shared/sync/padRelay.ts';

// The rating tablet's client: its pad token is all it keeps, and every answer from HQ is checked before use.

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

const PAIRED = { tabletId: '01J0000000000000000000000A', token: 'A'.repeat(43), deskLabel: '窗口3' };

describe('the tablet store', () => {
  it('keeps the pairing, and treats a tampered or foreign value as no pairing', () => {
    const storage = memoryStorage();
    const store = localTabletStore(storage);
    expect(store.read()).toBeNull();
    store.save(PAIRED);
    expect(store.read()).toEqual(PAIRED);
    storage.setItem('firstdesk.padTablet', '{not json');
    expect(store.read()).toBeNull();
    storage.setItem('firstdesk.padTablet', JSON.stringify({ ...PAIRED, token: 'short' }));
    expect(store.read()).toBeNull();
    store.forget();
    expect(storage.length).toBe(0);
  });
});

describe('a relay call', () => {
  const reply = (status: number, body: unknown) => async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('says offline when HQ cannot be reached, and gives the server code of a refusal', async () => {
    const client = padRelayTablet('', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.poll('t', '')).rejects.toMatchObject({ code: 'offline' });
    const refused = padRelayTablet(
      '',
      reply(401, { error: 'Unauthorized', code: 'pad-unpaired', message: '此平板的配对已解除' }),
    );
    await expect(refused.poll('t', '')).rejects.toMatchObject({ code: 'pad-unpaired' });
  });

  it('gives whole minutes from a throttled answer, and refuses an answer of the wrong shape', async () => {
    const throttled = reply(429, { error: 'x', code: 'too-many-attempts', message: 'm', retryAfterSeconds: 61 });
    const error = await relayCall('/pad/pair', padTabletRequestSchema, { method: 'POST', headers: {}, fetch: throttled }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PadRelayError);
    expect(error).toMatchObject({ code: 'too-many-attempts', minutes: 2 });
    const odd = reply(200, { request: { requestId: 'not-an-id' }, deskLabel: null });
    await expect(relayCall('/pad/tablet/request', padTabletRequestSchema, { method: 'GET', headers: {}, fetch: odd })).rejects.toMatchObject({
      code: 'other',
    });
  });
});
