import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/model/reference.ts';
import { signInAtDesk, type SignInOutcome } from '../data/signInAtDesk.ts';
import { useDesk } from './context.tsx';
import { formatTime } from './format.ts';
import { useStaffAuth } from './useStaffAuth.ts';

/** What the sign-in and unlock screens say for an outcome that did not sign the person in. */
function messageOf(outcome: SignInOutcome, t: ReturnType<typeof useTranslation>['t']): string | null {
  switch (outcome.kind) {
    case 'online':
    case 'offline':
      return null;
    case 'empty-secret':
      return t('auth.signIn.emptySecret');
    case 'wrong-secret':
      return t('auth.signIn.wrongSecret', { remaining: outcome.remaining });
    case 'locked':
      return t('auth.signIn.locked', { time: formatTime(outcome.until.toISOString()) });
    case 'throttled':
      return t('auth.signIn.throttled', { minutes: outcome.minutes });
    case 'needs-network':
      return t(
        outcome.reason === 'privileged' ? 'auth.signIn.privilegedNeedsNetwork' : 'auth.signIn.firstNeedsNetwork',
      );
    case 'desk-refused':
      return t('auth.signIn.deskRefused', { message: outcome.message });
  }
}

/**
 * One sign-in attempt at this desk, for the sign-in and unlock screens alike: online first, offline against this
 * desk's verifier when the server cannot be reached. Resolves to the outcome (null when the desk itself failed); `error` holds what to show.
 */
export function useSignInAttempt() {
  const { t } = useTranslation();
  const { db } = useDesk();
  const client = useStaffAuth();
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function attempt(staff: Staff, secret: string): Promise<SignInOutcome | null> {
    setChecking(true);
    try {
      const outcome = await signInAtDesk(db, client, staff, secret);
      setError(messageOf(outcome, t));
      if (outcome.kind === 'offline') {
        notifications.show({ color: 'yellow', autoClose: 10_000, message: t('auth.signIn.signedInOffline') });
      }
      return outcome;
    } catch (failure) {
      // The desk's own database failed: say so; nobody is signed in.
      setError(t('auth.signIn.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
      return null;
    } finally {
      setChecking(false);
    }
  }
  return { attempt, error, setError, checking };
}
