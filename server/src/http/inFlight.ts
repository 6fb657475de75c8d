import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ErrorBody } from '../../../shared/sync/protocol.ts';
import { deviceOf } from './deviceGuard.ts';
import { refuseBeforeBody } from './errors.ts';

// Fairness between desks (issue 10, item 9): a desk syncs one window at a time (Web Locks), so it never has two
// pushes, or two pulls, under way at once. A device that does is a hostile or broken client, and each of its
// pushes would queue every other desk behind the writer lock: the second one is answered 429 at once, before its
// body is read. Per instance: several instances behind a load balancer each let the device have one.

export const BUSY_DEVICE_CODE = 'busy-device';
export const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * A request that is still uploading its body this long after the same device sent another is taken for a dead
 * connection (a desk on flaky Wi-Fi retries while the server still waits for the lost upload) and gives way.
 */
export const STALE_UPLOAD_MS = 10_000;

interface Holder {
  readonly request: FastifyRequest;
  readonly since: number;
  /** The handler is running: the slot stays taken until it ends, even if the client hangs up meanwhile. */
  working: boolean;
}

export interface DeviceLane {
  /** onRequest hook, after requireDevice: take this device's slot or answer 429 'busy-device'. */
  readonly claim: onRequestAsyncHookHandler;
  /** The route's handler, holding the slot until it settles (so its database work is never doubled). */
  hold<Req extends FastifyRequest, Rep extends FastifyReply, R>(
    handler: (request: Req, reply: Rep) => Promise<R>,
  ): (request: Req, reply: Rep) => Promise<R>;
  /** Devices with a request under way here (for tests). */
  readonly busy: () => number;
}

/** One slot per device for one route, e.g. `deviceLane('push')`. */
export function deviceLane(route: 'push' | 'pull', now: () => number = Date.now): DeviceLane {
  const holders = new Map<string, Holder>();
  const ofRequest = new WeakMap<FastifyRequest, Holder>();

  function free(deviceId: string, holder: Holder): void {
    // Only its own slot: a holder that gave way must not free the one that took its place.
    if (holders.get(deviceId) === holder) holders.delete(deviceId);
  }

  const claim: onRequestAsyncHookHandler = async (request, reply) => {
    const deviceId = deviceOf(request).device_id;
    const current = holders.get(deviceId);
    if (current && (current.working || now() - current.since < STALE_UPLOAD_MS)) {
      request.log.warn({ deviceId, route }, 'busy device: a second request while one is under way');
      return sendBusy(reply, route);
    }
    if (current) {
      free(deviceId, current);
      current.request.raw.destroy(); // its body never came; the client gave up on it long ago
    }
    const holder: Holder = { request, since: now(), working: false };
    holders.set(deviceId, holder);
    ofRequest.set(request, holder);
    // Answered before the handler ran (a body too large or malformed, the client gone): the slot is free again.
    reply.raw.once('close', () => {
      if (!holder.working) free(deviceId, holder);
    });
    return undefined;
  };

  return {
    claim,
    hold: (handler) => async (request, reply) => {
      const holder = ofRequest.get(request);
      if (holder) holder.working = true;
      try {
        return await handler(request, reply);
      } finally {
        if (holder) {
          holder.working = false;
          free(deviceOf(request).device_id, holder);
        }
      }
    },
    busy: () => holders.size,
  };
}

const BUSY_MESSAGES = {
  push: '本窗口的上一次上传尚未结束，稍后自动重试。This desk already has a push under way; it will try again shortly.',
  pull: '本窗口的上一次下载尚未结束，稍后自动重试。This desk already has a pull under way; it will try again shortly.',
} as const;

/** 429 'busy-device' with Retry-After; the body the client may still be sending is not read. */
function sendBusy(reply: FastifyReply, route: 'push' | 'pull'): FastifyReply {
  const body: ErrorBody = {
    error: 'Too Many Requests',
    code: BUSY_DEVICE_CODE,
    message: BUSY_MESSAGES[route],
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
  };
  return refuseBeforeBody(reply)
    .code(429)
    .header('retry-after', String(BUSY_RETRY_AFTER_SECONDS))
    .type('application/json; charset=utf-8')
    .send(body);
}
