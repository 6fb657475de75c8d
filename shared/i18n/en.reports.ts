// Supervision reports: filters, figures, drill-down, warnings, export (issue 15)
export const enReports = {};
