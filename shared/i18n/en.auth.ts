// English: the person's own sign-in (issue 11) — online and offline sign-in, lock-out, decisions that need a
// server-verified sign-in, and how each record's author was established.
export const enAuth = {
  signIn: {
    emptySecret: 'Enter your PIN or password.',
    wrongSecret:
      'Wrong PIN or password. {{remaining}} more wrong attempt(s) and this desk pauses your sign-in for 15 minutes.',
    locked: 'Too many wrong attempts: your sign-in on this desk is paused. Try again after {{time}}.',
    throttled: 'Too many sign-in attempts: the server is not taking more for now. Try again in {{minutes}} min.',
    privilegedNeedsNetwork:
      'Leaders, supervisors and administrators must be online at every sign-in, so the server can check it is you. The server cannot be reached now: check the network and try again.',
    firstNeedsNetwork:
      'The first sign-in on this desk must be online, so the server can check it is you. The server cannot be reached now: check the network and try again.',
    deskRefused: 'The server does not accept this desk, so nobody can sign in now: {{message}}',
    signedInOffline:
      'The server cannot be reached: signed in with what this desk keeps from your last online sign-in. Until you sign in online, what you do is recorded on this desk’s word.',
    failed: 'Sign-in did not complete: {{message}}',
  },
  signedInOfflineBadge: 'Signed in offline',
  privileged: {
    title: 'Needs the network and your own sign-in',
    needsSession:
      'This decision can be taken only online, with your own sign-in checked by the server. You are not signed in that way now (signed in offline, or the sign-in expired), so nothing was saved. Get online, lock the desk and sign in again with your own password.',
  },
  authorship: {
    proven: 'Signed in online: the server verified who did this',
    attested: 'Recorded by this desk (signed in offline, not verified by the server)',
  },
};
