import { z } from 'zod';

// The words of chapter 7 (服务回访) and of the national 好差评 practice (国办发〔2019〕51号; GB/T 39734/39735-2020),
// shared by the follow-up record, the rating pad, the QR page and the rates.

/** The five levels, best first: 非常满意, 满意, 基本满意, 不满意, 非常不满意. */
export const RATING_LEVELS = [
  'verySatisfied',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'veryDissatisfied',
] as const;
export const ratingLevelSchema = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof ratingLevelSchema>;

/** 好评: the first two levels. 基本满意 is NOT 好评 (nor 差评). */
export const GOOD_LEVELS: readonly RatingLevel[] = ['verySatisfied', 'satisfied'];
/** 差评: the last two levels; each opens rectification (整改). */
export const BAD_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'veryDissatisfied'];

export function isGoodLevel(level: RatingLevel | null | undefined): boolean {
  return level != null && GOOD_LEVELS.includes(level);
}

export function isBadLevel(level: RatingLevel | null | undefined): level is 'dissatisfied' | 'veryDissatisfied' {
  return level != null && BAD_LEVELS.includes(level);
}

/** A level for which the applicant may give reasons: anything below 好评. */
export function isLowLevel(level: RatingLevel | null | undefined): boolean {
  return level != null && !isGoodLevel(level);
}

/** art. 29: 现场回访, 座谈回访, 电话回访, 信函回访, 网上回访, 上门回访 (also how a verification or feedback is made). */
export const FOLLOW_UP_MEANS = ['onSite', 'symposium', 'phone', 'letter', 'online', 'homeVisit'] as const;
export const followUpMeansSchema = z.enum(FOLLOW_UP_MEANS);
export type FollowUpMeans = z.infer<typeof followUpMeansSchema>;

/** Reasons an applicant may tick for a low rating (the 差评 options of the national 好差评 system, as they fit here). */
export const LOW_RATING_REASONS = [
  'unclearGuidance', // 办事指南不清晰、告知不一次到位
  'tooManyMaterials', // 材料繁琐、重复提交
  'tooSlow', // 办理时间长
  'longWait', // 排队等候时间长
  'poorAttitude', // 服务态度差
  'unskilled', // 业务不熟练
  'repeatedTrips', // 多次跑、来回跑
  'integrity', // 不廉洁、吃拿卡要
  'other', // 其他
] as const;
export const lowRatingReasonSchema = z.enum(LOW_RATING_REASONS);
export type LowRatingReason = z.infer<typeof lowRatingReasonSchema>;

/** art. 28(二): what a follow-up asks the applicant to rate. */
export const RATED_ASPECTS = ['overall', 'attitude', 'quality', 'efficiency', 'integrity'] as const;
export type RatedAspect = (typeof RATED_ASPECTS)[number];
