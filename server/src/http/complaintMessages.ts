import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { ComplaintErrorCode } from '../../../shared/sync/complaintApi.ts';
import { earliestReceivedOn, RECEIVED_ON_MAX_AGE_DAYS, type ComplaintDateRefusal } from '../sync/complaintDates.ts';

// The person-facing words of the complaint API's refusals (zh-CN, then en), one place for the routes. The desk
// branches on the code; these are what a person reads when the screen shows the server's own message.

export const COMPLAINT_MESSAGES: Record<ComplaintErrorCode, string> = {
  // The same words for an unknown complaint and one the caller may not see: no existence oracle.
  'unknown-complaint': '没有此投诉，或您无权查看。No such complaint, or you may not see it.',
  'not-allowed': '您无权办理此项。You may not take this step on this complaint.',
  recused:
    '本人或所指派的人员须回避此投诉，不能办理。You, or a person you named, must stand aside from this complaint (recusal).',
  'out-of-order': '投诉当前所处阶段不能办理此项。This step does not fit the stage the complaint is at.',
  conflicting: '此项已经办理，不能重复办理。This step has already been taken on this complaint.',
  'statement-pending':
    '被投诉人尚未陈述申辩（未陈述、未书面放弃，且期限未满），不能作出查实决定。An accused person has not yet been heard (no statement, no written waiver, and the day given has not passed): no founded decision yet.',
  'statement-too-short':
    '给予陈述申辩的期限短于规定的工作日数，请延后期限。The day given to state one’s side is sooner than the settings allow: give a later day.',
  'not-accused':
    '所涉人员不是被投诉人（或未列入处理决定）。The person named is not complained about (or not in the decision).',
  'measures-required':
    '投诉属实的，应对被投诉人中至少一人作出追究责任的处理。A founded complaint names the measures taken against at least one of the staff complained about.',
  conflict:
    '该编号已用于另一项不同的记录，未予保存。This id was already used for a different record; nothing was stored.',
};

export const UNKNOWN_CLERK_MESSAGE = (staffId: string) =>
  `登记人（${staffId}）不是市局人员名录中的在职人员，投诉未予接收。The person who took the complaint (${staffId}) is not an active member of HQ's staff directory; nothing was stored.`;

export const UNKNOWN_ACCUSED_MESSAGE = (ids: readonly string[]) =>
  `被投诉的人员或科室不在市局名录中：${ids.join('、')}。Not in HQ's directory: ${ids.join(', ')}; nothing was stored.`;

export const NOT_SUPERVISOR_MESSAGE =
  '只有局领导和机关党委（人事科）可以查看问责记录。Only leaders and the supervisors may read the accountability record.';

/** A day named in an act that HQ's calendar refuses (sync/complaintDates.ts): 400 'date-out-of-range'. */
export const DATE_OUT_OF_RANGE = 'date-out-of-range';

export const DATE_REFUSAL_MESSAGES: Record<
  ComplaintDateRefusal,
  (day: { readonly sent: IsoDate; readonly today: IsoDate }) => string
> = {
  receivedOnFuture: ({ sent, today }) =>
    `收到投诉日期（${sent}）晚于今天（${today}，北京时间），投诉未予接收，请核对日期。The day the complaint was received (${sent}) is after today (${today}, Beijing time); nothing was stored: check the date.`,
  receivedOnTooOld: ({ sent, today }) =>
    `收到投诉日期（${sent}）早于${earliestReceivedOn(today)}（今天前${RECEIVED_ON_MAX_AGE_DAYS}日），投诉未予接收，请核对日期。The day the complaint was received (${sent}) is before ${earliestReceivedOn(today)} (${RECEIVED_ON_MAX_AGE_DAYS} days before today); nothing was stored: check the date.`,
  toldOnFuture: ({ sent, today }) =>
    `告知投诉人日期（${sent}）晚于今天（${today}，北京时间），未予保存。The day the complainant was told (${sent}) is after today (${today}, Beijing time); nothing was stored.`,
  toldBeforeOutcome: ({ sent }) =>
    `告知投诉人日期（${sent}）早于所告知的处理决定（或不予立案决定）作出之日，未予保存。The day the complainant was told (${sent}) is before the day of the decision (or dismissal) it tells of; nothing was stored.`,
  statementDueOnPast: ({ sent, today }) =>
    `陈述申辩期限（${sent}）早于今天（${today}，北京时间），请另定期限，未予保存。The day given to state one’s side (${sent}) is before today (${today}, Beijing time): give a later day; nothing was stored.`,
};
