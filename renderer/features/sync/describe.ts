import type { TFunction } from 'i18next';
import type { DeskEventType } from '../../../shared/model/events.ts';
import type { SyncFailure } from '../../../shared/sync/protocol.ts';
import type { SyncProgress } from '../../data/sync.ts';

/** Why the last sync failed, in the clerk's language. */
export function failureReason(t: TFunction, failure: SyncFailure): string {
  // 429 from /sync: this desk already had a push or pull under way there (busy-device). The scheduler waits the
  // Retry-After and tries again: a pause, not a server fault to alarm the clerk with.
  if (failure.kind === 'server-error' && failure.status === 429) return t('sync.failure.busy');
  return t(`sync.failure.${failure.kind}`, { status: failure.kind === 'server-error' ? failure.status : '' });
}

/** The name of an event type: the register's and cases' from `events.*`, the others from the sync section. */
export function eventTypeLabel(t: TFunction, type: DeskEventType | undefined): string {
  if (!type) return t('sync.rejections.unknownEvent');
  return t([`events.${type}`, `sync.rejections.otherEvents.${type}`], { defaultValue: type });
}

/** A pull this long (records still to come when it started) shows its progress; a routine one does not. */
export const LONG_PULL = 2000;

/** How far a long pull has come, 0–99 (100 only once the run ends); null for a short or an unmeasurable one. */
export function pullPercent(progress: SyncProgress | null): number | null {
  if (!progress?.headSeq) return null;
  const total = progress.headSeq - progress.fromCursor;
  if (total < LONG_PULL) return null;
  const done = Math.min(total, Math.max(0, progress.cursor - progress.fromCursor));
  return Math.min(99, Math.floor((done / total) * 100));
}
