import type { CaseFlag } from '../../../shared/rules/case.ts';

/** The fold's notAllowed flags the card words by the event that broke a rule; any other event reads generically. */
const NOT_ALLOWED_BY_TYPE: Record<string, string> = {
  'case.opened': 'cases.flag.openedFutureReceipt',
  'case.accepted': 'cases.flag.acceptedUnlikeOpening',
  'case.paused': 'cases.flag.pausedForSupplement',
  'case.extensionDecided': 'cases.flag.extensionNotByLeader',
  'case.rejectionReviewed': 'cases.flag.rejectionNotByLeader',
};

/**
 * The i18n keys that explain a case's flags, one per flagged event (deduplicated): a flag is a record the fold kept
 * but did not follow, and the person who must settle it needs to read which rule it broke, not a generic "conflict".
 */
export function caseFlagKeys(flags: readonly CaseFlag[], typeOf: (eventId: string) => string | undefined): string[] {
  const keys = flags.flatMap((f) =>
    f.code === 'notAllowed'
      ? f.eventIds.map((id) => NOT_ALLOWED_BY_TYPE[typeOf(id) ?? ''] ?? 'cases.flag.notAllowed')
      : [`cases.flag.${f.code}`],
  );
  return [...new Set(keys)];
}
