import { useLiveQuery } from 'dexie-react-hooks';
import { serviceItemSchema } from '../../shared/model/catalog.ts';
import type { GuideVersion } from '../../shared/rules/guide/compose.ts';
import type { DeskDb } from './db.ts';

// 公开承诺 (art. 20–23, issue 16): the published version of each item this desk holds — HQ's current serviceItem
// documents, never a draft (drafts are catalog.itemSaved events until a second administrator publishes them) —
// dated by their publication, or for a version from before publication needed approval by its document.

/** The active published items, by name, each as the guide composer takes it. */
export async function listPublishedGuides(db: DeskDb): Promise<GuideVersion[]> {
  const rows = await db.refs.where('kind').equals('serviceItem').toArray();
  return rows
    .flatMap((row) => {
      const doc = row.doc;
      if (doc.kind !== 'serviceItem') return [];
      const parsed = serviceItemSchema.safeParse(doc.body);
      if (!parsed.success || !parsed.data.active) return [];
      const item = parsed.data;
      return [{ item, rev: doc.rev, publishedAt: item.publication?.publishedAt ?? doc.updatedAt }];
    })
    .sort((a, b) => a.item.name.localeCompare(b.item.name, 'zh-CN'));
}

export function usePublishedGuides(db: DeskDb): GuideVersion[] | undefined {
  return useLiveQuery(() => listPublishedGuides(db), [db]);
}
