import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { DEVICE_ID_HEADER } from '../../../shared/sync/enrolment.ts';
import { authenticateDevice, bearerToken } from '../auth/deviceAuth.ts';
import type { Db } from '../storage/db.ts';
import type { DeviceRow } from '../storage/devices.ts';
import { refuseBeforeBody, sendError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled device this request speaks for: set by requireDevice before the body is read. */
    device: DeviceRow | null;
  }
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function decorateDevice(app: FastifyInstance): void {
  app.decorateRequest('device', null);
}

/** The device behind this request, or null after answering 401/403 (nothing of the body has been read). */
export async function authenticateRequest(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<DeviceRow | null> {
  const result = await authenticateDevice(db, {
    deviceId: header(request, DEVICE_ID_HEADER),
    token: bearerToken(header(request, 'authorization')),
  });
  if (result.ok) return result.device;
  request.log.warn({ deviceId: header(request, DEVICE_ID_HEADER), code: result.code, url: request.url }, 'refused');
  sendError(refuseBeforeBody(reply), result.status, result.code, result.message);
  return null;
}

/**
 * onRequest hook of every route that reads or writes the bureau's data: the enrolled, unrevoked device this
 * request speaks for, checked from the headers before Fastify reads the body, so an anonymous client cannot
 * make the server read or parse anything.
 */
export function requireDevice(db: Db): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const device = await authenticateRequest(db, request, reply);
    if (!device) return reply; // answered: the lifecycle stops here
    request.device = device;
    return undefined;
  };
}

/** The device requireDevice found; a route without that hook is a programming error. */
export function deviceOf(request: FastifyRequest): DeviceRow {
  if (!request.device) throw new Error(`${request.url}: route has no requireDevice hook`);
  return request.device;
}
