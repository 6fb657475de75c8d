import type { ContactStatus } from '../../../shared/rules/contact.ts';

/** One colour per status everywhere a contact appears: orange waits on us, blue on someone else, teal is done. */
export const STATUS_COLOR: Record<ContactStatus, string> = {
  open: 'orange',
  transferPending: 'blue',
  escalated: 'grape',
  refusalPending: 'grape',
  answered: 'teal',
  referred: 'teal',
  refused: 'gray',
  caseOpened: 'teal',
};

/** "3 小时" / "2 days": how long something has waited, in the largest sensible unit. */
export function waitedFor(sinceIso: string, now: number, t: (key: string, o: { count: number }) => string): string {
  const minutes = Math.max(0, Math.floor((now - new Date(sinceIso).getTime()) / 60_000));
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('duration.hours', { count: hours });
  return t('duration.days', { count: Math.floor(hours / 24) });
}
