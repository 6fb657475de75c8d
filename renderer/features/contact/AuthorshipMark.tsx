import { Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { authorshipOf, type Proof } from '../../../shared/sync/staffAuth.ts';

// Inline marks (the app has no icon set): a shield with a tick for a server-verified sign-in, a plain desk
// outline for the desk's own record. Quiet on purpose: grey, small, explained by the tooltip.
const SHIELD = 'M8 1.5 2.5 3.5v4c0 3.3 2.3 6 5.5 7 3.2-1 5.5-3.7 5.5-7v-4L8 1.5Z';
const TICK = 'm5.5 8 1.8 1.8L10.8 6.3';
const DESK = 'M2 3.5h12v7H2zM6 13.5h4M8 10.5v3';

/** How the event's author was established (issue 11): proven by a server-verified session, or the desk's word. */
export function AuthorshipMark({ event }: { event: { proof?: Proof | undefined } }) {
  const { t } = useTranslation();
  const authorship = authorshipOf(event);
  const label = t(`auth.authorship.${authorship}`);
  return (
    <Tooltip label={label} withArrow>
      <svg
        role="img"
        aria-label={label}
        data-authorship={authorship}
        width={14}
        height={14}
        viewBox="0 0 16 16"
        fill="none"
        stroke={authorship === 'proven' ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-gray-6)'}
        strokeWidth={1.4}
        strokeLinecap="round"
        strokeLinejoin="round"
        style={{ verticalAlign: 'text-bottom', marginLeft: 4 }}
      >
        {authorship === 'proven' ? (
          <>
            <path d={SHIELD} />
            <path d={TICK} />
          </>
        ) : (
          <path d={DESK} />
        )}
      </svg>
    </Tooltip>
  );
}
