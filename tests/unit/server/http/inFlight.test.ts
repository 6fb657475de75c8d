import { request } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decorateDevice } from '../../../../server/src/http/deviceGuard.ts';
import { deviceLane, STALE_UPLOAD_MS, type DeviceLane } from '../../../../server/src/http/inFlight.ts';
import type { DeviceRow } from '../../../../server/src/storage/devices.ts';

// The slot a device's push holds on an instance (issue 10, item 9): taken before the body is read, held while the
// handler works even if the client hangs up, freed when the handler ends or when the request ends without it.

/** Where a handler waits until the test opens it; `entered` tells that the handler got there. */
interface Gate {
  readonly entered: Promise<void>;
  wait(): Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open!: () => void;
  let enter!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const entered = new Promise<void>((resolve) => (enter = resolve));
  return {
    entered,
    open,
    wait: () => {
      enter();
      return opened;
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('one request per device at a time', () => {
  let app: FastifyInstance;
  let url: string;
  let lane: DeviceLane;
  let clock: number;
  /** Each request's handler waits at the gate its `x-gate` header names, if any. */
  const gates = new Map<string, Gate>();

  beforeEach(async () => {
    clock = 1_000_000;
    lane = deviceLane('push', () => clock);
    app = Fastify();
    decorateDevice(app);
    const identify = async (req: { headers: Record<string, unknown>; device: DeviceRow | null }) => {
      req.device = { device_id: String(req.headers['x-device']) } as DeviceRow; // what requireDevice sets
    };
    app.post(
      '/push',
      { onRequest: [identify, lane.claim] },
      lane.hold(async (req) => {
        const name = req.headers['x-gate'];
        if (typeof name === 'string') await gates.get(name)!.wait();
        return { ok: true };
      }),
    );
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    for (const g of gates.values()) g.open();
    gates.clear();
    await app.close();
  });

  const gated = (name: string) => {
    const g = gate();
    gates.set(name, g);
    return g;
  };
  const post = async (device: string, body = '{}', extra: Record<string, string> = {}) => {
    const res = await fetch(`${url}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device': device, ...extra },
      body,
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as unknown };
  };

  it('answers a second request of the same device 429 busy-device while the first works, others go on', async () => {
    const first = gated('a');
    const working = post('desk-1', '{}', { 'x-gate': 'a' });
    await first.entered;
    const busy = await post('desk-1');
    expect(busy).toMatchObject({ status: 429, retryAfter: '1', json: { code: 'busy-device', retryAfterSeconds: 1 } });
    expect((await post('desk-2')).status).toBe(200);
    first.open();
    expect((await working).status).toBe(200);
    expect((await post('desk-1')).status).toBe(200);
    expect(lane.busy()).toBe(0);
  });

  it('keeps the slot while the handler works after the client hung up, and frees it when the handler ends', async () => {
    const first = gated('b');
    const req = request(`${url}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device': 'desk-1', 'x-gate': 'b' },
    });
    req.on('error', () => undefined);
    req.end('{}');
    await first.entered;
    const hungUp = new Promise((resolve) => req.once('close', resolve));
    req.destroy();
    await hungUp;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the server hears of it too
    expect((await post('desk-1')).status).toBe(429);
    first.open();
    await until(() => lane.busy() === 0);
    expect((await post('desk-1')).status).toBe(200);
  });

  it('frees the slot when the request is answered before its handler (a malformed body)', async () => {
    expect((await post('desk-1', '{not json')).status).toBe(400);
    expect((await post('desk-1')).status).toBe(200);
    expect(lane.busy()).toBe(0);
  });

  it('lets a new request take the place of an upload that has not finished for too long', async () => {
    const stalled = request(`${url}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device': 'desk-1', 'content-length': '100' },
    });
    const closed = new Promise<string>((resolve) => {
      stalled.on('error', (e) => resolve(e.message));
      stalled.on('response', (res) => resolve(`answered ${res.statusCode}`));
    });
    stalled.write('{"a":');
    await until(() => lane.busy() === 1);
    expect((await post('desk-1')).status).toBe(429); // a young upload is still this desk's push
    clock += STALE_UPLOAD_MS;
    expect((await post('desk-1')).status).toBe(200);
    expect(await closed).not.toMatch(/^answered/); // the stalled upload was hung up on, not answered
  });
});
