import type { AdminEvent } from '../model/adminEvents.ts';
import type { ServiceItem } from '../model/catalog.ts';

// 公开承诺 (chapter 5, art. 20–23; issue 16 item 2): the bureau commits publicly to each service item's workflow, fee
// basis and standard and complaint channel (art. 22) and publishes it on its website, bulletin board and leaflets
// (art. 23). What it publishes is a decision: an administrator's catalog.itemSaved is a DRAFT, and a second
// administrator publishes it (catalog.itemPublished), as a second person confirms the working-day calendar
// (rules/calendarAdmin.ts). Pure, so the desk and the HQ server judge a draft the same way.

type Drafted = Extract<AdminEvent, { type: 'catalog.itemSaved' }>;
type Published = Extract<AdminEvent, { type: 'catalog.itemPublished' }>;

/** Where one item's drafts stand, from its catalog events. */
export interface CatalogItemProgress {
  /** The newest draft not yet published: only it can be published (an older one was superseded by it). */
  readonly latestDraft?: Drafted;
  /** The last publication that counted (of the then newest draft, by someone other than its author). */
  readonly published?: Published;
  /** Drafts that a newer draft replaced before anyone published them. */
  readonly supersededDraftIds: ReadonlySet<string>;
}

/**
 * Fold the catalog events of ONE item, given in commit order (the server's sequence; on a desk, the events it has
 * from the server first, then its own not yet sent). A publication counts only for the newest draft, and only when
 * someone other than the draft's author gave it; once published, the draft is no longer pending.
 */
export function catalogItemProgress(events: readonly AdminEvent[]): CatalogItemProgress {
  let latestDraft: Drafted | undefined;
  let published: Published | undefined;
  const supersededDraftIds = new Set<string>();
  for (const event of events) {
    if (event.type === 'catalog.itemSaved') {
      if (latestDraft) supersededDraftIds.add(latestDraft.eventId);
      latestDraft = event;
    } else if (
      event.type === 'catalog.itemPublished' &&
      latestDraft &&
      event.payload.draftEventId === latestDraft.eventId &&
      event.staffId !== latestDraft.staffId
    ) {
      published = event;
      latestDraft = undefined;
    }
  }
  return { ...(latestDraft ? { latestDraft } : {}), ...(published ? { published } : {}), supersededDraftIds };
}

/**
 * The 办事指南 elements a published version must state besides what the schema already requires of every item
 * (the fee, the limits, the phones, where to submit): art. 22 asks for the service item and its workflow, and a
 * guide that leaves out who may apply or where and when is no commitment a visitor can hold the bureau to.
 */
export const GUIDE_ELEMENTS = [
  'code', // 事项编码
  'applicants', // 服务对象
  'address', // 办理地点
  'hours', // 办理时间
  'openOnHolidays', // 节假日是否办理
  'result', // 办理结果及送达方式
  'visits', // 到现场次数
  'specialSteps', // 特别程序 ([] = 无)
  'faq', // 常见问题 ([] = 无)
  'forms', // 空白表格和示例样表 ([] = 无)
] as const satisfies readonly (keyof ServiceItem)[];
export type GuideElement = (typeof GUIDE_ELEMENTS)[number];

/**
 * The guide elements `item` lacks for publication, in the guide's order; [] when it can be published. An empty list
 * of special steps, questions or forms is a statement (无), so only an absent one is a gap; a blank text is a gap too.
 */
export function guideGaps(item: ServiceItem): GuideElement[] {
  return GUIDE_ELEMENTS.filter((element) => {
    const value = item[element];
    return value === undefined || (typeof value === 'string' && value.trim() === '');
  });
}
