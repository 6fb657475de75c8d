import type { ServiceItem } from '../../model/catalog.ts';
import type { ReferenceDoc } from '../../model/reference.ts';
import { isHlc, parseHlc } from '../../sync/hlc.ts';

// 公开承诺 (regulation art. 20–23): a version of a service guide is dated by the day it took effect, and the desk's
// list of versions and the public site's must give every version the same date — one rule, used by both.

/**
 * When a version of an item was published: HQ's publication stamp; a version stored before issue 16 has none and
 * dates from its document — the current one (serviceItem) from when it was written, an archived one
 * (serviceItemVersion) from the hlc it kept, because the archive document itself is written when the NEXT version
 * replaces it (its updatedAt is that version's date, not its own).
 */
export function publishedAtOf(
  item: Pick<ServiceItem, 'publication'>,
  doc: Pick<ReferenceDoc, 'kind' | 'hlc' | 'updatedAt'>,
): string {
  if (item.publication) return item.publication.publishedAt;
  if (doc.kind === 'serviceItemVersion' && isHlc(doc.hlc)) return new Date(parseHlc(doc.hlc).ms).toISOString();
  return doc.updatedAt;
}
