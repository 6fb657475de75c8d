import type { zhCNPublicRating } from './zh-CN.publicRating.ts';

// English: publicRating (issue 13). Same keys as zh-CN.publicRating.ts.
export const enPublicRating: typeof zhCNPublicRating = {
  lang: 'en',
  title: 'Rate our service',
  intro: 'Thank you for your visit. Please rate this service: your opinion helps us improve.',
  bureau: 'Office',
  document: 'Slip',
  item: 'Matter',
  staff: 'Served by',
  question: 'Your overall rating of this service',
  reasonsHeading: 'Why were you dissatisfied? (choose any)',
  reasonsHint: 'For “Dissatisfied” or “Very dissatisfied”.',
  comment: 'Comments and suggestions (optional)',
  commentHint: 'Please do not type an ID number, a phone number or other personal data. At most {{max}} characters.',
  submit: 'Submit rating',
  otherLanguage: '中文',
  privacy: 'This page neither collects nor shows your personal data. Each slip can be rated once.',
  invalid: 'This link is not valid, or the slip has not been uploaded yet. Please try again later.',
  invalidHint: 'If you have just been served, the slip may still be on its way: scan again in a few minutes.',
  alreadyRated: 'This slip has already been rated. Thank you for your rating.',
  thanks: 'Your rating has been submitted. Thank you!',
  thanksLow: 'We will look into it, put it right and let you know.',
  tooMany: 'Too many requests. Please try again in {{seconds}} seconds.',
  errors: {
    levelRequired: 'Choose a rating.',
    commentTooLong: 'Comments can be at most {{max}} characters.',
    commentInvalid: 'The comments contain characters that cannot be saved; please change them and submit again.',
  },
};
