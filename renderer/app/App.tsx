import { EnrolScreen } from '../features/enrol/EnrolScreen.tsx';
import { useEnrolment } from '../features/enrol/useEnrolment.ts';
import { useSession } from '../stores/session.ts';
import { LockScreen } from './LockScreen.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';
import { useIdleLock } from './useIdleLock.ts';
import { useSessionLifetime } from './useSessionLifetime.ts';

export function App() {
  const staff = useSession((s) => s.staff);
  const locked = useSession((s) => s.locked);
  const enrolment = useEnrolment();
  useIdleLock();
  useSessionLifetime();
  // A desk that never enrolled has no staff directory and cannot sync: it enrols before anyone signs in.
  if (enrolment.state === 'checking') return null;
  if (enrolment.state === 'not-enrolled') return <EnrolScreen onEnrolled={enrolment.enrolled} />;
  if (!staff) return <SignIn />;
  return (
    <>
      <Shell staff={staff} />
      {locked && <LockScreen staff={staff} />}
    </>
  );
}
