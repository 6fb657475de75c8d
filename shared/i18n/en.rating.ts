import type { zhCNRating } from './zh-CN.rating.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

// English: the rating pad at the window (one rating per service) and the desk's "ask the applicant to rate".
export const enRating: Strings<typeof zhCNRating> = {
  pad: {
    idleTitle: 'Please rate our service',
    idleHint: 'When your matter is done, the rating will appear here.',
    servedBy: 'You were served by',
    prompt: 'How satisfied are you with this service?',
    reasonsTitle: 'What went wrong? (choose any, or none)',
    comment: 'Comments and suggestions (optional)',
    submit: 'Submit rating',
    decline: 'No rating',
    thanks: 'Thank you for your rating!',
    thanksDeclined: 'You chose not to rate. Thank you.',
    failed: 'The rating could not be saved. Please tell the staff member.',
    language: 'Language',
  },
  desk: {
    request: 'Ask the applicant to rate',
    waiting: 'Waiting for the rating…',
    cancel: 'Cancel rating',
    rated: 'Rated: {{level}}',
    declined: 'Not rated (the applicant declined)',
    alreadyRated: 'This service has been rated already; it cannot be rated again (one rating per service).',
    noPad: 'The rating pad does not answer. Open the rating pad, then ask again.',
    openPad: 'Open the rating pad',
    duplicates: '{{count}} later rating(s) of this service were not counted.',
    failed: 'The rating pad could not save the rating: {{reason}}',
    title: 'Service rating',
  },
  errors: {
    ratingNoSuchService: 'This desk has no record of this service; it cannot be rated.',
    ratingNotServedBy: 'The staff member rated did not serve this matter.',
    ratingAlreadyGiven: 'This service has been rated already; it cannot be rated again (one rating per service).',
    unknown: 'Could not be saved.',
  },
};
