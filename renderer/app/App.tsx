import { useSession } from '../stores/session.ts';
import { LockScreen } from './LockScreen.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';
import { useIdleLock } from './useIdleLock.ts';

export function App() {
  const staff = useSession((s) => s.staff);
  const locked = useSession((s) => s.locked);
  useIdleLock();
  if (!staff) return <SignIn />;
  return (
    <>
      <Shell staff={staff} />
      {locked && <LockScreen staff={staff} />}
    </>
  );
}
