import type { FastifyInstance } from 'fastify';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import type { Db } from '../storage/db.ts';
import { listReferenceDocs } from '../storage/reference.ts';

/** GET /reference — the current version of every reference doc, for a desk's first start. */
export function registerReference(app: FastifyInstance, db: Db): void {
  app.get('/reference', async (): Promise<{ docs: ReferenceDoc[] }> => ({ docs: await listReferenceDocs(db) }));
}
