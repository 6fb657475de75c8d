// This window's numbers for today and the day's summary
export const enToday = {
  label: 'Today',
  registered: 'Registered',
  disposed: 'Disposed',
  waiting: 'Waiting',
  stripLabel: "Today: {{registered}} registered, {{disposed}} disposed, {{waiting}} waiting. Open the day's summary",
  transfersBadge: '{{count}} to accept',
  casesBadge: '{{count}} due',
  summaryTitle: 'Today ({{day}})',
  scope: 'Scope',
  window: 'This window',
  mine: 'Registered by me',
  transfers: 'Transfers to accept',
  transfersDetail: ': {{total}} ({{toMe}} to me, {{toDepartment}} to others in my department; art. 8(3))',
  cases: 'Cases due soon',
  casesDetail: ': {{total}} ({{soon}} due within two working days, {{overdue}} overdue)',
  carriedOver: 'Registered here on an earlier day and still waiting: {{count}} (art. 9)',
  disposedMeans:
    'Disposed: answered, transferred, referred to another agency, escalated to a leader, a refusal under review, or a case opened (art. 8).',
  localOnly: "Counted from the records on this desk; other windows' contacts count once they have synced.",
  openEndOfDay: 'End-of-day check',
};
