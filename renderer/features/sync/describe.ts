import type { TFunction } from 'i18next';
import type { DeskEventType } from '../../../shared/model/events.ts';
import type { SyncFailure } from '../../../shared/sync/protocol.ts';

/** Why the last sync failed, in the clerk's language. */
export function failureReason(t: TFunction, failure: SyncFailure): string {
  return t(`sync.failure.${failure.kind}`, { status: failure.kind === 'server-error' ? failure.status : '' });
}

/** The name of an event type: the register's and cases' from `events.*`, the others from the sync section. */
export function eventTypeLabel(t: TFunction, type: DeskEventType | undefined): string {
  if (!type) return t('sync.rejections.unknownEvent');
  return t([`events.${type}`, `sync.rejections.otherEvents.${type}`], { defaultValue: type });
}
