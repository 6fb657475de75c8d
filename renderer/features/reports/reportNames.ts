import type { TFunction } from 'i18next';
import { UNKNOWN_DEPARTMENT } from '../../../shared/rules/reports/facts.ts';
import type { ReportGroupBy } from '../../data/reports/client.ts';
import type { Directory } from '../../data/hooks.ts';

// Facts and figures carry ids only (no personal data leaves HQ in a report): the desk names people and departments
// from its own directory. Someone the directory no longer knows keeps their id, so a row is never blank.

export interface ReportNames {
  staff(id: string): string;
  department(id: string): string;
}

export function reportNames(directory: Directory | undefined, t: TFunction): ReportNames {
  const departments = new Map((directory?.departments ?? []).map((d) => [d.id as string, d.name]));
  return {
    staff: (id) => directory?.staffById.get(id)?.name ?? (id === UNKNOWN_DEPARTMENT ? t('reports.group.unknown') : id),
    department: (id) => departments.get(id) ?? (id === UNKNOWN_DEPARTMENT ? t('reports.group.unknown') : id),
  };
}

/** The heading of a group's column. */
export function groupName(groupBy: ReportGroupBy, group: string, names: ReportNames, t: TFunction): string {
  if (groupBy === 'bureau') return t('reports.group.bureau');
  return groupBy === 'department' ? names.department(group) : names.staff(group);
}
