import type { ServerConfig } from '../config.ts';
import type { Db } from '../storage/db.ts';
import { hasReferenceDocs, insertReferenceDocsIfEmpty } from '../storage/reference.ts';
import { buildDemoBureau } from './demoBureau.ts';

/**
 * On a first run (no reference docs at all) write the demo bureau, unless FIRSTDESK_SEED=none.
 * Never touches a database that already has reference docs: the admin's edits win.
 * Returns how many docs were written.
 */
export async function seedOnFirstRun(db: Db, mode: ServerConfig['seed'], now = Date.now()): Promise<number> {
  if (mode === 'none' || (await hasReferenceDocs(db))) return 0;
  return insertReferenceDocsIfEmpty(db, buildDemoBureau(now));
}
