import type { zhCNTablet } from './zh-CN.tablet.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

// English: the rating tablet (#/tablet, served by HQ, facing the applicant). Same keys as zh-CN.tablet.ts.
export const enTablet: Strings<typeof zhCNTablet> = {
  title: 'Service rating',
  window: '{{desk}} · rating tablet',
  pair: {
    title: 'Pair this rating tablet',
    hint: 'Ask the staff member to choose “Pair a rating tablet” at the desk, then enter the 8-digit code shown there.',
    code: 'Pairing code',
    label: 'Tablet name',
    labelDefault: 'Rating tablet',
    submit: 'Pair',
  },
  unreachable: 'Cannot reach the HQ server; retrying…',
  revoked: {
    title: 'This tablet is no longer paired',
    expired: 'This tablet was not connected for too long; its pairing has expired',
    hint: 'Ask the staff member to pair it again at the desk.',
    again: 'Pair again',
  },
  closed: 'This rating has ended; please wait for the next service.',
  answerFailed: 'The network is down and the rating was not sent yet; tap “Submit rating” again shortly.',
  errors: {
    padCodeFormat: 'Enter the 8-digit pairing code.',
    'pad-code-unknown': 'The pairing code is not right; check it and try again.',
    'pad-code-used': 'This pairing code was used already; ask for a new one.',
    'pad-code-expired': 'The pairing code has expired; ask for a new one.',
    'pad-too-many-tablets': 'Too many tablets are paired with that desk; unpair one there first.',
    'too-many-attempts': 'Too many attempts; try again in {{minutes}} minutes.',
    'pad-pairing-paused':
      'Too many wrong pairing codes lately, so the server has paused pairing; try again in {{minutes}} minutes.',
    deviceLabelRequired: 'Enter a name for the tablet.',
    deviceLabelTooLong: 'The tablet name is too long.',
    controlCharacters: 'The tablet name contains invisible characters.',
    offline: 'Cannot reach the HQ server; check the network and try again.',
    other: 'Pairing failed; try again.',
  },
};
