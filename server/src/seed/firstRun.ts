import type { ServerConfig } from '../config.ts';
import type { Db } from '../storage/db.ts';
import { hasReferenceDocs, insertReferenceDocsIfEmpty, insertReferenceDocsOfNewKind } from '../storage/reference.ts';
import { addMissingVerifiers } from '../storage/staffCredentials.ts';
import { buildDemoBureau, buildDemoCredentials, DEMO_STAFF } from './demoBureau.ts';
import { buildDemoCatalog } from './demoCatalog.ts';
import { storeGuideFile } from '../storage/guideFiles.ts';
import { DEMO_FORM_FILES } from './demoForms.ts';

/**
 * On a first run (no reference docs at all) write the demo bureau, unless FIRSTDESK_SEED=none, and its staff's
 * secrets into staff_credentials (PIN 1234; password Nanyang2026 for leaders, supervisors and admins).
 * Never touches a database that already has reference docs: the admin's edits win. The one exception is the
 * demo catalog, which came later: a demo database without any catalog item gets it once, provided the
 * departments it names are there (so a real bureau's database, with its own departments, never does).
 * `publicRatingBase`: this server's public address (config publicUrl), where the demo's slips send applicants to
 * rate (issue 13). Returns how many docs were written.
 */
export async function seedOnFirstRun(
  db: Db,
  mode: ServerConfig['seed'],
  now = Date.now(),
  publicRatingBase?: string,
): Promise<number> {
  if (mode === 'none') return 0;
  const bureau = (await hasReferenceDocs(db))
    ? 0
    : await insertReferenceDocsIfEmpty(db, buildDemoBureau(now, publicRatingBase));
  // Only with the demo staff just written: a database with its own directory never gets the demo secrets.
  if (bureau > 0) await addMissingVerifiers(db, buildDemoCredentials(now));
  const catalog = buildDemoCatalog(now);
  const departments = [...new Set(catalog.flatMap((d) => (d.kind === 'serviceItem' ? [d.body.departmentId] : [])))];
  const requires = departments.map((id) => ({ kind: 'department' as const, id }));
  const items = await insertReferenceDocsOfNewKind(db, 'serviceItem', catalog, requires);
  // The blank forms the demo catalog attaches (issue 16): stored as an administrator's upload would be, so the public
  // site serves them. Only with the catalog just written, so a bureau's own catalog never gets them.
  if (items > 0) {
    const at = new Date(now).toISOString();
    for (const { file, content } of DEMO_FORM_FILES)
      await storeGuideFile(db, file, content, { staffId: DEMO_STAFF.admin, at });
  }
  return bureau + items;
}
