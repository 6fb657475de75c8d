import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_ID_HEADER } from '../../../shared/sync/enrolment.ts';
import { authenticateDevice, bearerToken } from '../auth/deviceAuth.ts';
import type { Db } from '../storage/db.ts';
import type { DeviceRow } from '../storage/devices.ts';
import { sendError } from './errors.ts';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The enrolled, unrevoked device this request speaks for; or null after answering 401/403 (the caller returns
 * the reply). Called first in every route that reads or writes the bureau's data.
 */
export async function requireDevice(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<DeviceRow | null> {
  const result = await authenticateDevice(db, {
    deviceId: header(request, DEVICE_ID_HEADER),
    token: bearerToken(header(request, 'authorization')),
  });
  if (result.ok) return result.device;
  request.log.warn({ deviceId: header(request, DEVICE_ID_HEADER), code: result.code, url: request.url }, 'refused');
  sendError(reply, result.status, result.code, result.message);
  return null;
}
