import type { FastifyInstance } from 'fastify';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import type { Db } from '../storage/db.ts';
import { listReferenceDocs } from '../storage/reference.ts';
import { requireDevice } from './deviceGuard.ts';

/** GET /reference — the current version of every reference doc (never a secret or verifier): enrolled devices only. */
export function registerReference(app: FastifyInstance, db: Db): void {
  app.get('/reference', { onRequest: requireDevice(db) }, async () => {
    const docs: ReferenceDoc[] = await listReferenceDocs(db);
    return { docs };
  });
}
